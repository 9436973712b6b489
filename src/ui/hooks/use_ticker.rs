//! The animation clock: while playing, dispatch `Tick` every interval. Time lives here, at the
//! edge, so the reducer and the model stay deterministic.

use yew::prelude::*;

use crate::ui::state::Action;

#[hook]
pub fn use_ticker(playing: bool, interval_ms: u32, dispatch: Callback<Action>) {
    use_effect_with((playing, interval_ms), move |(playing, interval_ms)| {
        start(*playing, *interval_ms, dispatch)
    });
}

/// Ticks while the returned destructor lives.
#[cfg(target_arch = "wasm32")]
fn start(playing: bool, interval_ms: u32, dispatch: Callback<Action>) -> impl FnOnce() {
    let timer = playing.then(|| {
        gloo_timers::callback::Interval::new(interval_ms, move || dispatch.emit(Action::Tick))
    });
    move || drop(timer)
}

#[cfg(not(target_arch = "wasm32"))]
fn start(_playing: bool, _interval_ms: u32, _dispatch: Callback<Action>) -> impl FnOnce() {
    || ()
}
