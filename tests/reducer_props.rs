//! The widget's reducer under random sequences of what a reader can do, with garbage wherever
//! text goes in (long, multi-script, commas, percent signs, JSON fragments): it never panics,
//! the step stays within the trace, the fragment it prints reads back, and the widget's page
//! renders that fragment. The page-level soak does the same in a browser, far more slowly; a
//! panic found there is looked for here first. `PROPTEST_CASES=5000 cargo test --test
//! reducer_props` searches longer than the default 256 sequences.

#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use aks_netviz::link::{self, Theme, View};
use aks_netviz::model::{ClientKind, DnsZone, Egress, Kubeconfig, Mode};
use aks_netviz::prerender::widget_html;
use aks_netviz::ui::state::{Action, Speed, State};
use proptest::prelude::*;
use yew::Reducible;

fn pick<T: Clone + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    (0..all.len()).prop_map(move |i| all[i].clone())
}

/// Text as readers type and paste it: short garbage, range lists, JSON bits, percent signs, and
/// now and then the same blown up to a few kilobytes.
fn garbage() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => any::<String>(),
        2 => proptest::string::string_regex("[0-9./, ;%a-z\u{5d0}-\u{5ea}\u{301}\u{1f600}=&#]{0,40}").unwrap(),
        1 => pick(&[
            "81.56.12.7/32", "0.0.0.0/32", "", ",", ",,", "::/0", "1.2.3.4/33", "%", "%zz", "=",
            "&", "#", "mode=private&dns=none", "ranges=1.1.1.1/32,,2.2.2.2/32",
            "{\"apiServerAccessProfile\": {\"authorizedIpRanges\": [\"1.1.1.1/32\", \"x\"]}}",
            "{\"apiServerAccessProfile\": {\"enablePrivateCluster\": true, \"privateDnsZone\": \"none\"}}",
            "{\"properties\": {\"apiServerAccessProfile\": {\"enableVnetIntegration\": true}}}",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "\u{202e}", "\u{feff}", "é\u{301}\u{301}",
        ]).prop_map(String::from),
    ];
    (proptest::collection::vec(piece, 1..4), 0usize..20).prop_map(|(parts, blow)| {
        let s = parts.concat();
        if blow == 0 && !s.is_empty() {
            let mut big = s.clone();
            while big.len() < 3000 {
                big.push_str(&s);
            }
            big
        } else {
            s
        }
    })
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        1 => pick(Mode::ALL).prop_map(Action::SetMode),
        1 => pick(DnsZone::ALL).prop_map(Action::SetDns),
        1 => any::<bool>().prop_map(Action::SetPublicFqdn),
        1 => any::<bool>().prop_map(Action::SetPrivate),
        1 => pick(Egress::ALL).prop_map(Action::SetEgress),
        1 => pick(ClientKind::ALL).prop_map(Action::SetClient),
        1 => any::<bool>().prop_map(Action::SetZoneLink),
        1 => any::<bool>().prop_map(Action::SetForwarder),
        1 => any::<bool>().prop_map(Action::SetRunCommand),
        1 => pick(Kubeconfig::ALL).prop_map(Action::SetKubeconfig),
        1 => garbage().prop_map(Action::TypeLaptopIp),
        1 => garbage().prop_map(Action::TypeClusterName),
        3 => (0usize..12, garbage()).prop_map(|(i, t)| Action::EditRange(i, t)),
        1 => Just(Action::AddRange),
        1 => (0usize..12).prop_map(Action::RemoveRange),
        1 => Just(Action::StepNext),
        1 => Just(Action::StepPrev),
        1 => (0usize..40).prop_map(Action::StepTo),
        1 => Just(Action::Restart),
        1 => Just(Action::Play),
        1 => Just(Action::Pause),
        2 => Just(Action::Tick),
        1 => pick(&Speed::ALL).prop_map(Action::SetSpeed),
        1 => pick(Theme::ALL).prop_map(Action::SetTheme),
        1 => pick(View::ALL).prop_map(Action::SetView),
        2 => garbage().prop_map(Action::Import),
        2 => garbage().prop_map(Action::ApplyFragment),
        1 => (garbage(), garbage()).prop_map(|(id, f)| Action::OpenExercise(id, f)),
        1 => Just(Action::CloseExercise),
    ]
}

proptest! {
    #[test]
    fn any_sequence_of_actions_leaves_a_state_the_page_can_show(
        actions in proptest::collection::vec(action(), 1..24)
    ) {
        let mut state = Rc::new(State::default());
        for a in actions {
            state = state.reduce(a);
            prop_assert!(state.step <= state.last_step(), "step {} past {}", state.step, state.last_step());
        }
        let fragment = state.fragment();
        let (read, _) = link::parse(&fragment);
        prop_assert_eq!(&read.scenario, &state.link.scenario, "the fragment {} reads back", fragment);
        let html = widget_html(&fragment, 0);
        prop_assert!(html.contains("data-testid=\"network-diagram\""));
    }
}
