//! The settings the reader changes: access mode and its options, the client, and the client's
//! knobs. Every invalid combination is shown next to the setting it names, never silently reset.

use yew::prelude::*;

use crate::model::{ClientKind, DnsZone, Egress, Kubeconfig, Mode, Scenario, ValidationMessage};
use crate::ui::components::radio_group::{Choice, RadioGroup};
use crate::ui::components::ranges_editor::RangesEditor;
use crate::ui::state::Action;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub scenario: Scenario,
    pub validation: Vec<ValidationMessage>,
    /// The widget instance's prefix for `name` attributes.
    pub uid: AttrValue,
    pub range_entries: std::rc::Rc<Vec<String>>,
    pub laptop_ip_text: String,
    pub laptop_ip_error: Option<String>,
    pub cluster_name_text: String,
    pub cluster_name_error: Option<String>,
    pub on_action: Callback<Action>,
}

fn on_off(on: bool) -> &'static str {
    if on {
        "on"
    } else {
        "off"
    }
}

fn on_off_choices(on: &str, off: &str) -> Vec<Choice> {
    vec![
        Choice::new("on", on.to_string()),
        Choice::new("off", off.to_string()),
    ]
}

/// A radio group's callback: the chosen value as an action (none for a value it does not know).
fn select(cb: &Callback<Action>, f: fn(&'static str) -> Option<Action>) -> Callback<&'static str> {
    let cb = cb.clone();
    Callback::from(move |v: &'static str| {
        if let Some(a) = f(v) {
            cb.emit(a);
        }
    })
}

/// A text field's callback: what is typed, as an action.
fn typed(cb: &Callback<Action>, f: fn(String) -> Action) -> Callback<InputEvent> {
    let cb = cb.clone();
    Callback::from(move |e: InputEvent| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            cb.emit(f(input.value()));
        }
    })
}

/// Every setting's callback, built once per `on_action` (which the app builds once), so a
/// setting change re-renders only the groups whose value or messages changed.
struct OnChange {
    mode: Callback<&'static str>,
    private: Callback<&'static str>,
    dns: Callback<&'static str>,
    public_fqdn: Callback<&'static str>,
    egress: Callback<&'static str>,
    run_command: Callback<&'static str>,
    client: Callback<&'static str>,
    zone_link: Callback<&'static str>,
    forwarder: Callback<&'static str>,
    kubeconfig: Callback<&'static str>,
    laptop_ip: Callback<InputEvent>,
    cluster_name: Callback<InputEvent>,
}

impl OnChange {
    fn new(cb: &Callback<Action>) -> Self {
        OnChange {
            mode: select(cb, |v| Mode::from_id(v).map(Action::SetMode)),
            private: select(cb, |v| Some(Action::SetPrivate(v == "on"))),
            dns: select(cb, |v| DnsZone::from_id(v).map(Action::SetDns)),
            public_fqdn: select(cb, |v| Some(Action::SetPublicFqdn(v == "on"))),
            egress: select(cb, |v| Egress::from_id(v).map(Action::SetEgress)),
            run_command: select(cb, |v| Some(Action::SetRunCommand(v == "on"))),
            client: select(cb, |v| ClientKind::from_id(v).map(Action::SetClient)),
            zone_link: select(cb, |v| Some(Action::SetZoneLink(v == "on"))),
            forwarder: select(cb, |v| Some(Action::SetForwarder(v == "on"))),
            kubeconfig: select(cb, |v| Kubeconfig::from_id(v).map(Action::SetKubeconfig)),
            laptop_ip: typed(cb, Action::TypeLaptopIp),
            cluster_name: typed(cb, Action::TypeClusterName),
        }
    }
}

#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    crate::ui::renders::rendered("controls");
    let s = &props.scenario;
    let on = use_memo(props.on_action.clone(), OnChange::new);
    let name = |key: &str| AttrValue::from(format!("{}-{key}", props.uid));
    let messages = |key: &str| -> Vec<String> {
        props
            .validation
            .iter()
            .filter(|v| v.key == key && v.entry.is_none())
            .map(|v| v.message.clone())
            .collect()
    };
    let private_applies = s.is_private();
    html! {
        <section class="controls" aria-label="Settings">
            <h3 class="panel-title">{ "Cluster" }</h3>
            <div class={classes!("setting", "text-setting", props.cluster_name_error.is_some().then_some("invalid"))} data-setting="cluster">
                <label class="text-field">
                    <span class="field-label">{ "Cluster name" }</span>
                    <input type="text" autocomplete="off" spellcheck="false" name={name("cluster")}
                           value={props.cluster_name_text.clone()} oninput={on.cluster_name.clone()}
                           aria-invalid={props.cluster_name_error.is_some().then_some("true")} />
                </label>
                <p class="hint">{ "The article's clusters: aks-ntwdemo1, aks-ntwdemo2, aks-ntwdemo11." }</p>
                if let Some(err) = &props.cluster_name_error {
                    <p class="message error" role="alert">{ err.clone() }</p>
                }
            </div>
            <RadioGroup legend="API server access" name={name("mode")} setting="mode"
                choices={vec![
                    Choice::new("public", "Public"),
                    Choice::new("authorized", "Authorized IP ranges"),
                    Choice::new("private", "Private cluster"),
                    Choice::new("vnet", "API server VNet integration"),
                ]}
                selected={s.mode.as_str()} messages={messages("mode")}
                on_select={on.mode.clone()} />
            if s.mode == Mode::Vnet {
                <RadioGroup legend="VNet-integrated API server" name={name("private")} setting="private"
                    choices={on_off_choices("Private", "Public")}
                    selected={on_off(s.private)} messages={messages("private")}
                    on_select={on.private.clone()} />
            }
            <RadioGroup legend="Private DNS zone" name={name("dns")} setting="dns"
                hint={(!private_applies).then_some(AttrValue::from("Applies to private clusters."))}
                choices={vec![
                    Choice::new("system", "System (AKS-managed)"),
                    Choice::new("byo", "Bring your own"),
                    Choice::new("none", "None (public DNS)"),
                ]}
                selected={s.dns_zone().unwrap_or(s.dns.unwrap_or(DnsZone::System)).as_str()} messages={messages("dns")}
                on_select={on.dns.clone()} />
            <RadioGroup legend="Public FQDN" name={name("publicfqdn")} setting="publicfqdn"
                hint={(!private_applies).then_some(AttrValue::from("Applies to private clusters."))}
                choices={on_off_choices("On", "Off (--disable-public-fqdn)")}
                selected={on_off(s.public_fqdn.unwrap_or(true))} messages={messages("publicfqdn")}
                on_select={on.public_fqdn.clone()} />
            <RangesEditor entries={props.range_entries.clone()} mode={s.mode} private={private_applies}
                validation={props.validation.clone()} on_action={props.on_action.clone()} />
            <RadioGroup legend="Cluster egress" name={name("egress")} setting="egress"
                choices={vec![
                    Choice::new("lb", "Load balancer"),
                    Choice::new("natgw", "NAT gateway"),
                    Choice::new("firewall", "Firewall"),
                ]}
                selected={s.egress.as_str()} messages={messages("egress")}
                on_select={on.egress.clone()} />
            <RadioGroup legend="az aks command invoke" name={name("runcommand")} setting="runcommand"
                choices={on_off_choices("Allowed", "Disabled (--disable-run-command)")}
                selected={on_off(s.run_command)} messages={messages("runcommand")}
                on_select={on.run_command.clone()} />

            <h3 class="panel-title">{ "Client" }</h3>
            <RadioGroup legend="Who runs kubectl" name={name("client")} setting="client"
                choices={vec![
                    Choice::new("laptop", "Laptop on the Internet"),
                    Choice::new("vm", "VM in the cluster VNet"),
                    Choice::new("peered", "VM in a peered hub"),
                    Choice::new("onprem", "On-prem over VPN"),
                    Choice::new("node", "The cluster's nodes"),
                    Choice::new("runcommand", "az aks command invoke"),
                ]}
                selected={s.client.as_str()} messages={messages("client")}
                on_select={on.client.clone()} />
            <div class={classes!("setting", "text-setting", props.laptop_ip_error.is_some().then_some("invalid"))} data-setting="ip">
                <label class="text-field">
                    <span class="field-label">{ "Laptop public IP" }</span>
                    <input type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                           name={name("ip")} value={props.laptop_ip_text.clone()} oninput={on.laptop_ip.clone()}
                           aria-invalid={props.laptop_ip_error.is_some().then_some("true")} />
                </label>
                if let Some(err) = &props.laptop_ip_error {
                    <p class="message error" role="alert">{ err.clone() }</p>
                }
            </div>
            <RadioGroup legend="Private zone linked to the hub VNet" name={name("zonelink")} setting="zonelink"
                choices={on_off_choices("Linked", "Not linked")}
                selected={on_off(s.zone_link)} messages={messages("zonelink")}
                on_select={on.zone_link.clone()} />
            <RadioGroup legend="On-prem DNS forwards the zone to the hub's Private Resolver" name={name("forwarder")} setting="forwarder"
                choices={on_off_choices("Forwarder on", "No forwarder")}
                selected={on_off(s.forwarder)} messages={messages("forwarder")}
                on_select={on.forwarder.clone()} />
            <RadioGroup legend="kubeconfig server" name={name("kubeconfig")} setting="kubeconfig"
                choices={vec![
                    Choice::new("private", "Default (private FQDN when there is one)"),
                    Choice::new("public", "--public-fqdn"),
                ]}
                selected={s.kubeconfig.as_str()} messages={messages("kubeconfig")}
                on_select={on.kubeconfig.clone()} />
        </section>
    }
}
