//! The widget's one state and the one reducer every change goes through.
//!
//! Components never hold the state handle: they get values and `Callback`s that dispatch an
//! [`Action`], so every change the reader makes is a named verb that can be tested on its own.

use std::rc::Rc;

use yew::Reducible;

use crate::link::{self, Link, LinkError, Theme, View};
use crate::model::scenario::DEFAULT_AUTHORIZED_RANGES;
use crate::model::simulate::Analysis;
use crate::model::{ClientKind, DnsZone, Egress, Kubeconfig, Mode, Scenario, Trace};
use crate::render::{az_update, HookValues, UpdatePlan};
use crate::ui::bounded;

/// The most characters of a typed value an error message quotes: enough to recognise it; a
/// 40 KB paste quoted whole is a paragraph thousands of pixels tall that the browser lays out
/// again on every change.
const QUOTED: usize = 80;

/// How fast the animation plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speed {
    Slow,
    Normal,
    Fast,
}

impl Speed {
    pub const ALL: [Speed; 3] = [Speed::Slow, Speed::Normal, Speed::Fast];

    /// Milliseconds between two steps.
    pub fn interval_ms(self) -> u32 {
        match self {
            Speed::Slow => 2200,
            Speed::Normal => 1300,
            Speed::Fast => 650,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Speed::Slow => "slow",
            Speed::Normal => "normal",
            Speed::Fast => "fast",
        }
    }
}

/// What the reader can do, in the reader's words.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetMode(Mode),
    SetDns(DnsZone),
    SetPublicFqdn(bool),
    SetPrivate(bool),
    SetEgress(Egress),
    SetClient(ClientKind),
    SetZoneLink(bool),
    SetForwarder(bool),
    SetRunCommand(bool),
    SetKubeconfig(Kubeconfig),
    /// The laptop's IP as typed; kept even when it does not parse, so nothing typed is lost.
    TypeLaptopIp(String),
    /// The cluster's name as typed (the article uses aks-ntwdemo1, aks-ntwdemo2, aks-ntwdemo11).
    TypeClusterName(String),
    /// Replace one authorized range as typed.
    EditRange(usize, String),
    AddRange,
    RemoveRange(usize),
    /// Step controls.
    StepNext,
    StepPrev,
    StepTo(usize),
    Restart,
    Play,
    Pause,
    /// One animation tick: advance while playing, stop at the end.
    Tick,
    SetSpeed(Speed),
    SetTheme(Theme),
    /// Switch between the full page, the embed view and presenter mode.
    SetView(View),
    /// JSON pasted or typed into the import box.
    Import(String),
    /// A fragment read from the address bar (on load and on `hashchange`).
    ApplyFragment(String),
    /// Open a workshop exercise (its id) at its starting settings (its fragment); the view and
    /// the theme stay.
    OpenExercise(String, String),
    /// Leave the exercise, keeping the settings.
    CloseExercise,
}

/// The outcome of the last import, shown under the import box.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportStatus {
    Idle,
    Imported(String),
    Refused(String),
}

/// Every text the page shows for a scenario, computed once per change from one simulation.
#[derive(Clone, Debug, PartialEq)]
pub struct Texts {
    /// The contract's hook values (transcript, access profile, az command...).
    pub hooks: HookValues,
    /// The scenario the texts come from (range entries too long to quote cut, see [`compute`]).
    /// Terraform and Bicep are rendered from it by the inspector while their tab is open: two
    /// texts of 50 KB each for 2,000 ranges, which no hook needs on every change.
    pub subject: Rc<Scenario>,
    /// How `az aks update` gets from the previous scenario to this one.
    pub update: UpdatePlan,
}

/// Simulates `scenario` once and renders every text from that one trace. A range entry of
/// kilobytes (refused, as no range is that long) is quoted by its start: the simulation and the
/// texts then take the scenario with those entries cut ([`bounded::ranges_for_texts`]), which
/// has the same outcome; the link keeps every character.
fn compute(
    scenario: &Scenario,
    previous: &Scenario,
) -> (Rc<Scenario>, Rc<str>, Rc<Trace>, Rc<Texts>) {
    let drawn = Rc::new(scenario.clone());
    let subject = quoted_for_texts(scenario).map_or_else(|| drawn.clone(), Rc::new);
    let previous_quoted = quoted_for_texts(previous);
    let previous = previous_quoted.as_ref().unwrap_or(previous);
    let analysis = Analysis::new(&subject);
    let trace = analysis.trace(subject.client);
    let texts = Texts {
        hooks: HookValues::from_trace(&analysis, &trace),
        update: az_update(previous, &subject),
        subject,
    };
    let printed = Rc::from(link::print_scenario(scenario));
    (drawn, printed, Rc::new(trace), Rc::new(texts))
}

/// `scenario` with its too-long range entries cut as the texts quote them
/// ([`bounded::ranges_for_texts`]), or `None` when it has none.
fn quoted_for_texts(scenario: &Scenario) -> Option<Scenario> {
    let ranges = bounded::ranges_for_texts(scenario.ranges.as_deref()?)?;
    Some(Scenario {
        ranges: Some(ranges),
        ..scenario.clone()
    })
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub link: Link,
    /// `link.scenario` as of its last change, shared by the diagram and its export: one copy per
    /// change rather than one per render (an animation tick renders, a 2,000-range list is 30 KB).
    pub drawn: Rc<Scenario>,
    /// `drawn` as its half of the fragment, printed once per change: the fragment is rewritten on
    /// every animation step, and a pasted range list can make this half megabytes long.
    pub printed: Rc<str>,
    /// The simulation of `link.scenario`, recomputed whenever the scenario changes.
    pub trace: Rc<Trace>,
    /// The texts rendered from that simulation.
    pub texts: Rc<Texts>,
    /// The scenario before the last change, for the `az aks update` that gets from it to this one.
    pub previous: Scenario,
    /// The import box's text, kept as typed.
    pub import_text: String,
    /// The animation position: how many events are shown (0 = none yet).
    pub step: usize,
    pub playing: bool,
    pub speed: Speed,
    /// The laptop IP field as typed, and why it was refused when it does not parse.
    pub laptop_ip_text: String,
    pub laptop_ip_error: Option<String>,
    /// The cluster name field as typed, and why it was refused.
    pub cluster_name_text: String,
    pub cluster_name_error: Option<String>,
    /// Bad values found in the address bar's fragment.
    pub fragment_errors: Vec<LinkError>,
    pub import: ImportStatus,
    /// The ranges editor shows one blank entry, just added to an empty list: `ranges` cannot say
    /// so itself, as one empty entry joins to the same empty text as none.
    pub blank_range: bool,
}

impl Default for State {
    fn default() -> Self {
        State::from_link(Link::default(), Vec::new())
    }
}

impl State {
    /// A state showing `link`, with the fragment's errors to report.
    pub fn from_link(link: Link, fragment_errors: Vec<LinkError>) -> Self {
        let (drawn, printed, trace, texts) = compute(&link.scenario, &link.scenario);
        let last = trace.events.len();
        let step = link.step.map_or(last, |s| (s as usize).min(last));
        State {
            laptop_ip_text: link.scenario.laptop_ip.to_string(),
            laptop_ip_error: None,
            cluster_name_text: link.scenario.cluster.name.clone(),
            cluster_name_error: None,
            drawn,
            printed,
            trace,
            texts,
            previous: link.scenario.clone(),
            import_text: String::new(),
            step,
            playing: false,
            speed: Speed::Normal,
            fragment_errors,
            import: ImportStatus::Idle,
            blank_range: false,
            link,
        }
    }

    /// The number of steps of the current trace.
    pub fn last_step(&self) -> usize {
        self.trace.events.len()
    }

    /// The fragment this state is shared as (no leading `#`).
    pub fn fragment(&self) -> String {
        self.fragment_in(self.link.view)
    }

    /// The fragment of this state shown in `view`.
    pub fn fragment_in(&self, view: View) -> String {
        let last = self.last_step();
        let page = Link {
            scenario: Scenario::default(),
            step: (self.step < last).then_some(self.step as u32),
            view,
            theme: self.link.theme,
            exercise: self.link.exercise.clone(),
        };
        link::join(&self.printed, &link::print_page(&page))
    }

    /// The authorized ranges as the editor lists them: the typed text split on commas (the
    /// mode's default list when none was typed; one blank entry when one was added to none).
    pub fn range_entries(&self) -> Vec<String> {
        let s = &self.link.scenario;
        let text = match (&s.ranges, s.mode) {
            (Some(typed), _) => typed.as_str(),
            (None, Mode::Authorized) => DEFAULT_AUTHORIZED_RANGES,
            (None, _) => "",
        };
        if text.is_empty() {
            return if self.blank_range {
                vec![String::new()]
            } else {
                Vec::new()
            };
        }
        text.split(',').map(|e| e.trim().to_string()).collect()
    }

    /// Applies a scenario edit: the trace is recomputed and the animation replays from the start,
    /// so the reader watches what the change did.
    fn with_scenario(mut self, edit: impl FnOnce(&mut Scenario)) -> Self {
        let before = self.link.scenario.clone();
        edit(&mut self.link.scenario);
        if self.link.scenario != before {
            self.previous = before;
        }
        let (drawn, printed, trace, texts) = compute(&self.link.scenario, &self.previous);
        self.drawn = drawn;
        self.printed = printed;
        self.trace = trace;
        self.texts = texts;
        self.step = self.last_step();
        self
    }

    fn set_ranges(self, entries: Vec<String>) -> Self {
        let blank = entries.len() == 1 && entries[0].is_empty();
        let mut next = self.with_scenario(|s| s.ranges = Some(entries.join(",")));
        next.blank_range = blank;
        next
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let state = (*self).clone();
        let next = match action {
            Action::SetMode(m) => state.with_scenario(|s| s.mode = m),
            Action::SetDns(z) => state.with_scenario(|s| s.dns = Some(z)),
            Action::SetPublicFqdn(on) => state.with_scenario(|s| s.public_fqdn = Some(on)),
            Action::SetPrivate(on) => state.with_scenario(|s| s.private = on),
            Action::SetEgress(e) => state.with_scenario(|s| s.egress = e),
            Action::SetClient(c) => state.with_scenario(|s| s.client = c),
            Action::SetZoneLink(on) => state.with_scenario(|s| s.zone_link = on),
            Action::SetForwarder(on) => state.with_scenario(|s| s.forwarder = on),
            Action::SetRunCommand(on) => state.with_scenario(|s| s.run_command = on),
            Action::SetKubeconfig(k) => state.with_scenario(|s| s.kubeconfig = k),
            Action::TypeLaptopIp(text) => {
                let mut state = state;
                state.laptop_ip_text = text.clone();
                match text.trim().parse() {
                    Ok(ip) => {
                        state.laptop_ip_error = None;
                        state.with_scenario(|s| s.laptop_ip = ip)
                    }
                    Err(_) => {
                        state.laptop_ip_error = Some(format!(
                            "`{}` is not an IPv4 address; type four numbers from 0 to 255 separated by dots, such as 81.56.12.7. The laptop keeps {} until then.",
                            bounded::start(text.trim(), QUOTED),
                            state.link.scenario.laptop_ip
                        ));
                        state
                    }
                }
            }
            Action::TypeClusterName(text) => {
                let mut state = state;
                state.cluster_name_text = text.clone();
                let name = text.trim().to_string();
                if link::valid_cluster_name(&name) {
                    state.cluster_name_error = None;
                    state.with_scenario(|s| s.cluster.name = name)
                } else {
                    state.cluster_name_error = Some(format!(
                        "`{}` is not an AKS cluster name: use 1 to 63 letters, digits, '-' or '_', starting and ending with a letter or digit. The widget keeps {} until then.",
                        bounded::start(&name, QUOTED),
                        state.link.scenario.cluster.name
                    ));
                    state
                }
            }
            Action::EditRange(i, text) => {
                let mut entries = state.range_entries();
                if let Some(e) = entries.get_mut(i) {
                    *e = text;
                }
                state.set_ranges(entries)
            }
            Action::AddRange => {
                let mut entries = state.range_entries();
                entries.push(String::new());
                state.set_ranges(entries)
            }
            Action::RemoveRange(i) => {
                let mut entries = state.range_entries();
                if i < entries.len() {
                    entries.remove(i);
                }
                state.set_ranges(entries)
            }
            Action::StepNext => {
                let mut state = state;
                state.playing = false;
                state.step = (state.step + 1).min(state.last_step());
                state
            }
            Action::StepPrev => {
                let mut state = state;
                state.playing = false;
                state.step = state.step.saturating_sub(1);
                state
            }
            Action::StepTo(i) => {
                let mut state = state;
                state.playing = false;
                state.step = i.min(state.last_step());
                state
            }
            Action::Restart => {
                let mut state = state;
                state.step = 0;
                state.playing = true;
                state
            }
            Action::Play => {
                let mut state = state;
                if state.step >= state.last_step() {
                    state.step = 0;
                }
                state.playing = true;
                state
            }
            Action::Pause => {
                let mut state = state;
                state.playing = false;
                state
            }
            Action::Tick => {
                let mut state = state;
                if state.playing {
                    state.step = (state.step + 1).min(state.last_step());
                    state.playing = state.step < state.last_step();
                }
                state
            }
            Action::SetSpeed(speed) => {
                let mut state = state;
                state.speed = speed;
                state
            }
            Action::SetTheme(theme) => {
                let mut state = state;
                state.link.theme = theme;
                state
            }
            Action::SetView(view) => {
                let mut state = state;
                state.link.view = view;
                state
            }
            Action::OpenExercise(id, start) => {
                let (mut link, errors) = link::parse(&start);
                link.exercise = Some(id);
                link.view = state.link.view;
                link.theme = state.link.theme;
                let mut next = State::from_link(link, errors);
                next.speed = state.speed;
                next
            }
            Action::CloseExercise => {
                let mut state = state;
                state.link.exercise = None;
                state
            }
            Action::ApplyFragment(fragment) => {
                let (link, errors) = link::parse(&fragment);
                let mut next = State::from_link(link, errors);
                next.speed = state.speed;
                next.import = state.import;
                next.import_text = state.import_text;
                next
            }
            Action::Import(text) => {
                let mut state = state;
                state.import_text = text.clone();
                if text.trim().is_empty() {
                    state.import = ImportStatus::Idle;
                    return Rc::new(state);
                }
                match crate::import::import_text_onto(&state.link.scenario, &text) {
                    Ok(imported) => {
                        let mut next = state.with_scenario(|s| *s = imported.scenario);
                        next.laptop_ip_text = next.link.scenario.laptop_ip.to_string();
                        next.laptop_ip_error = None;
                        next.cluster_name_text = next.link.scenario.cluster.name.clone();
                        next.cluster_name_error = None;
                        let mut message = format!(
                            "Imported {}: the widget now shows #{}.",
                            imported.kind.as_str(),
                            bounded::start(&next.printed, 300)
                        );
                        for note in &imported.notes {
                            message.push(' ');
                            message.push_str(note);
                        }
                        next.import = ImportStatus::Imported(message);
                        next
                    }
                    Err(e) => {
                        state.import = ImportStatus::Refused(e.message);
                        state
                    }
                }
            }
        };
        Rc::new(next)
    }
}

/// What a key pressed in presenter mode does: step forward, back, to the first or the last step.
pub fn present_key(key: &str) -> Option<Action> {
    match key {
        "ArrowRight" | " " | "PageDown" => Some(Action::StepNext),
        "ArrowLeft" | "PageUp" | "Backspace" => Some(Action::StepPrev),
        "Home" => Some(Action::StepTo(0)),
        "End" => Some(Action::StepTo(usize::MAX)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Outcome;

    fn reduce(state: State, actions: &[Action]) -> State {
        let mut rc = Rc::new(state);
        for a in actions {
            rc = rc.reduce(a.clone());
        }
        (*rc).clone()
    }

    #[test]
    fn an_exercise_opens_at_its_start_in_the_same_view_and_closes_keeping_the_settings() {
        let embed = reduce(
            State::default(),
            &[
                Action::SetView(View::Embed),
                Action::SetMode(Mode::Vnet),
                Action::OpenExercise(
                    "peered-zone-link".into(),
                    "mode=private&client=peered".into(),
                ),
            ],
        );
        assert_eq!(embed.link.exercise.as_deref(), Some("peered-zone-link"));
        assert_eq!(embed.link.view, View::Embed);
        assert_eq!(embed.link.scenario.mode, Mode::Private);
        assert_eq!(embed.link.scenario.client, ClientKind::Peered);
        assert_eq!(embed.trace.outcome, Outcome::NxDomain);
        assert!(embed.fragment().contains("exercise=peered-zone-link"));
        let closed = reduce(embed, &[Action::SetZoneLink(true), Action::CloseExercise]);
        assert_eq!(closed.link.exercise, None);
        assert!(closed.link.scenario.zone_link);
        assert_eq!(closed.trace.outcome, Outcome::Success);
    }

    #[test]
    fn a_scenario_edit_recomputes_the_trace_and_shows_its_end() {
        let s = reduce(State::default(), &[Action::SetMode(Mode::Private)]);
        assert_eq!(
            s.trace.outcome,
            Outcome::NxDomain,
            "the laptop cannot resolve a private FQDN"
        );
        assert_eq!(s.step, s.last_step());
        let s = reduce(s, &[Action::SetClient(ClientKind::Vm)]);
        assert_eq!(s.trace.outcome, Outcome::Success);
    }

    #[test]
    fn stepping_stays_within_the_trace() {
        let s = reduce(State::default(), &[Action::StepTo(0), Action::StepPrev]);
        assert_eq!(s.step, 0);
        let last = s.last_step();
        assert!(last > 2);
        let s = reduce(s, &[Action::StepNext, Action::StepNext]);
        assert_eq!(s.step, 2);
        let s = reduce(s, &[Action::StepTo(last + 10)]);
        assert_eq!(s.step, last);
    }

    #[test]
    fn play_restarts_at_the_end_and_ticks_stop_at_the_last_step() {
        let s = reduce(State::default(), &[Action::Play]);
        assert!(s.playing);
        assert_eq!(s.step, 0);
        let ticks = vec![Action::Tick; s.last_step() + 3];
        let s = reduce(s, &ticks);
        assert_eq!(s.step, s.last_step());
        assert!(!s.playing, "playing stops at the end");
        let s = reduce(
            s,
            &[Action::Restart, Action::Tick, Action::Pause, Action::Tick],
        );
        assert_eq!(s.step, 1, "a tick while paused does nothing");
    }

    #[test]
    fn a_bad_laptop_ip_is_kept_as_typed_and_explained() {
        let s = reduce(State::default(), &[Action::TypeLaptopIp("81.56.12".into())]);
        assert_eq!(s.laptop_ip_text, "81.56.12");
        let err = s.laptop_ip_error.clone().unwrap_or_default();
        assert!(err.contains("81.56.12") && err.contains("IPv4"), "{err}");
        assert_eq!(
            s.link.scenario.laptop_ip.to_string(),
            "81.56.12.7",
            "the last good IP stays"
        );
        let s = reduce(s, &[Action::TypeLaptopIp("1.1.1.1".into())]);
        assert_eq!(s.laptop_ip_error, None);
        assert_eq!(s.link.scenario.laptop_ip.to_string(), "1.1.1.1");
    }

    #[test]
    fn an_error_quotes_the_start_of_a_huge_typed_value_and_the_field_keeps_all_of_it() {
        let huge = "x".repeat(40_000);
        let s = reduce(
            State::default(),
            &[
                Action::TypeLaptopIp(huge.clone()),
                Action::TypeClusterName(huge.clone()),
            ],
        );
        assert_eq!(s.laptop_ip_text, huge, "the field keeps what was typed");
        assert_eq!(s.cluster_name_text, huge);
        for err in [&s.laptop_ip_error, &s.cluster_name_error] {
            let err = err.clone().unwrap_or_default();
            assert!(err.len() < 400, "{} characters", err.len());
            assert!(
                err.contains(&format!(
                    "`{}… (40,000 characters in all)`",
                    "x".repeat(QUOTED)
                )),
                "{err}"
            );
        }
    }

    #[test]
    fn texts_quote_the_start_of_a_huge_range_entry_and_the_link_keeps_all_of_it() {
        let huge = "1.2.3.4/32 🙂 ".repeat(3_000);
        let s = reduce(
            State::default(),
            &[
                Action::SetMode(Mode::Authorized),
                Action::EditRange(0, format!("81.56.12.7/32,{huge},20.81.96.14/32")),
            ],
        );
        let quoted = format!(
            "{}…[{} characters]",
            huge.trim()
                .chars()
                .take(bounded::ENTRY_QUOTED)
                .collect::<String>(),
            huge.trim().chars().count()
        );
        let t = &s.texts;
        for (what, text) in [
            ("az", &t.hooks.az_command),
            ("transcript", &t.hooks.transcript),
            ("terraform", &crate::render::terraform(&t.subject)),
            ("bicep", &crate::render::bicep(&t.subject)),
            ("update", &t.update.commands.join("\n")),
        ] {
            assert!(text.len() < 20_000, "{what}: {} bytes", text.len());
            assert!(!text.contains(huge.trim()), "{what} quotes the whole entry");
        }
        assert!(
            t.hooks.az_command.contains(&quoted),
            "{}",
            t.hooks.az_command
        );
        assert!(t.hooks.az_command.contains("20.81.96.14/32"));
        // The settings, the link and the simulation keep every character.
        assert!(s
            .link
            .scenario
            .ranges
            .as_deref()
            .unwrap()
            .contains(huge.trim()));
        assert_eq!(s.trace.outcome, Outcome::Invalid);
        assert_eq!(t.hooks.outcome, s.trace.outcome);
        let (read, _) = link::parse(&s.fragment());
        assert_eq!(read.scenario, s.link.scenario);
    }

    #[test]
    fn the_cluster_name_renames_every_output_and_refuses_bad_names() {
        let s = reduce(
            State::default(),
            &[Action::TypeClusterName("aks-ntwdemo2".into())],
        );
        assert_eq!(s.link.scenario.cluster.name, "aks-ntwdemo2");
        assert!(s
            .texts
            .hooks
            .transcript
            .contains("aks-ntwdem-aksntwdemo-16e85b-t0xkxtuj.hcp.eastus.azmk8s.io"));
        let s = reduce(s, &[Action::TypeClusterName("-bad".into())]);
        assert_eq!(s.cluster_name_text, "-bad");
        assert!(s
            .cluster_name_error
            .as_deref()
            .unwrap_or("")
            .contains("-bad"));
        assert_eq!(s.link.scenario.cluster.name, "aks-ntwdemo2");
    }

    #[test]
    fn the_ranges_editor_adds_edits_and_removes_entries() {
        let s = reduce(State::default(), &[Action::SetMode(Mode::Authorized)]);
        assert_eq!(s.range_entries(), vec!["81.56.12.7/32".to_string()]);
        let s = reduce(
            s,
            &[
                Action::AddRange,
                Action::EditRange(1, "137.117.106.90/29".into()),
            ],
        );
        assert_eq!(
            s.link.scenario.ranges.as_deref(),
            Some("81.56.12.7/32,137.117.106.90/29")
        );
        assert!(
            s.trace
                .validation
                .iter()
                .any(|v| v.entry.as_deref() == Some("137.117.106.90/29")),
            "host bits are refused as the az CLI refuses them"
        );
        assert_eq!(s.trace.outcome, Outcome::Invalid);
        let s = reduce(s, &[Action::RemoveRange(1)]);
        assert!(s.trace.validation.is_empty());
        assert_eq!(s.trace.outcome, Outcome::Success);
    }

    #[test]
    fn add_range_on_an_empty_list_gives_an_entry_to_type_into() {
        // VNet integration starts without ranges; so does a list whose last entry was removed.
        let s = reduce(
            State::default(),
            &[Action::SetMode(Mode::Vnet), Action::AddRange],
        );
        assert_eq!(s.range_entries(), vec![String::new()]);
        let s = reduce(s, &[Action::EditRange(0, "81.56.12.7/32".into())]);
        assert_eq!(s.link.scenario.ranges.as_deref(), Some("81.56.12.7/32"));
        let s = reduce(s, &[Action::RemoveRange(0)]);
        assert_eq!(s.range_entries(), Vec::<String>::new());
        let s = reduce(s, &[Action::AddRange]);
        assert_eq!(s.range_entries(), vec![String::new()]);
    }

    #[test]
    fn a_fragment_is_applied_and_its_bad_values_reported() {
        let s = reduce(
            State::default(),
            &[Action::ApplyFragment(
                "mode=private&client=bogus&step=1".into(),
            )],
        );
        assert_eq!(s.link.scenario.mode, Mode::Private);
        assert_eq!(
            s.link.scenario.client,
            ClientKind::Laptop,
            "the bad key falls back to its default"
        );
        assert_eq!(s.fragment_errors.len(), 1);
        assert_eq!(s.fragment_errors[0].key, "client");
        assert_eq!(s.step, 1);
        assert!(s.fragment().contains("mode=private") && s.fragment().contains("step=1"));
    }

    #[test]
    fn the_fragment_is_the_whole_link_printed_after_every_kind_of_change() {
        let mut s = State::default();
        let actions = [
            Action::ApplyFragment("mode=authorized&ranges=1.2.3.4/32&theme=dark&exercise=x".into()),
            Action::StepTo(1),
            Action::AddRange,
            Action::EditRange(1, "5.6.7.8/32".into()),
            Action::SetView(View::Embed),
            Action::Import(r#"{"apiServerAccessProfile":{"enablePrivateCluster":true}}"#.into()),
            Action::CloseExercise,
        ];
        for action in actions {
            s = reduce(s, &[action]);
            let last = s.last_step();
            let whole = Link {
                step: (s.step < last).then_some(s.step as u32),
                ..s.link.clone()
            };
            assert_eq!(s.fragment(), link::print(&whole));
        }
        assert!(s.fragment().starts_with("mode=private") && s.fragment().contains("view=embed"));
    }

    #[test]
    fn the_fragment_omits_the_step_at_the_end() {
        let s = reduce(State::default(), &[Action::SetMode(Mode::Authorized)]);
        assert_eq!(s.fragment(), "mode=authorized");
    }

    #[test]
    fn presenter_keys_walk_the_trace() {
        let keys = |s: State, keys: &[&str]| {
            let actions: Vec<Action> = keys.iter().filter_map(|k| present_key(k)).collect();
            reduce(s, &actions)
        };
        let s = reduce(State::default(), &[Action::SetView(View::Present)]);
        let last = s.last_step();
        let s = keys(s, &["Home", "ArrowRight", " ", "PageDown"]);
        assert_eq!(s.step, 3);
        let s = keys(s, &["ArrowLeft", "PageUp", "Backspace", "Backspace"]);
        assert_eq!(s.step, 0);
        let s = keys(s, &["End", "a", "Enter"]);
        assert_eq!(s.step, last);
        assert_eq!(s.fragment(), "view=present");
    }

    #[test]
    fn the_fragment_can_be_printed_for_another_view() {
        let s = reduce(
            State::default(),
            &[
                Action::SetMode(Mode::Private),
                Action::SetView(View::Embed),
                Action::StepTo(2),
            ],
        );
        assert_eq!(s.fragment(), "mode=private&step=2&view=embed");
        assert_eq!(s.fragment_in(View::Full), "mode=private&step=2");
        let s = reduce(s, &[Action::SetView(View::Full)]);
        assert_eq!(s.fragment(), "mode=private&step=2");
    }
}
