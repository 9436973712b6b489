//! The widget's `<details>` disclosures draw what they hold only once opened (the prerendered
//! page is smaller, and closed panels cost a change nothing): their open state follows the
//! element's `toggle` event.

use yew::prelude::*;

/// Follows a `<details>` element's open state (its `toggle` event). Built on each render: an
/// element's listener, unlike a component's props, makes nothing re-render.
pub fn on_toggle(open: UseStateHandle<bool>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        if let Some(details) = e.target_dyn_into::<web_sys::Element>() {
            open.set(details.has_attribute("open"));
        }
    })
}
