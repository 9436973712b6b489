//! The network diagram as a standalone SVG document: what `components::network_diagram` draws at
//! a width and a step, with the stylesheet's rules for one theme carried inside, so the file looks
//! the same with no page around it (the page's download buttons, `aks-netviz svg`). A still image:
//! no packet animation. One drawing serves both: [`diagram`] builds the `<svg>` element as plain
//! data, which the component turns into Yew nodes and [`diagram_svg`] writes as XML.

use crate::model::{Event, EventKind, Scenario, Trace, Verdict};
use crate::ui::diagram::scene::{scene, Scene};
use crate::ui::geometry::{arrowhead, f, rounded_path, Point};
use crate::ui::network::{layout, Area, LayoutKind, Spot, TextLine};
/// The drawing's element type, importable from here as before.
pub use crate::ui::svg_parts::Element;
use crate::ui::svg_parts::{area, block_mark, cross, el, label, rounded_rect, translate};

/// The accessible name of the diagram.
const ARIA_LABEL: &str =
    "Network diagram: clients, resolvers, networks and the API server endpoints of this scenario";
/// Half-width of the cross of a blocked event's mark, and of the legend's sample.
const BLOCK_ARM: f32 = 5.0;
const LEGEND_ARM: f32 = 4.0;
/// Arrowhead length.
const HEAD: f32 = 9.0;

fn area_class(a: &Area) -> String {
    classes(&[
        "area",
        if a.nested { "subnet" } else { "" },
        absent(a.present),
    ])
}

fn spot_class(s: &Spot) -> String {
    classes(&[
        "spot",
        if s.active { "active" } else { "" },
        absent(s.present),
    ])
}

fn event_class(e: &Event, current: bool) -> String {
    let when = if current { "current" } else { "past" };
    classes(&["event", e.kind.as_str(), e.verdict.as_str(), when])
}

fn absent(present: bool) -> &'static str {
    if present {
        ""
    } else {
        "absent"
    }
}

fn classes(names: &[&str]) -> String {
    let names: Vec<&str> = names.iter().copied().filter(|n| !n.is_empty()).collect();
    names.join(" ")
}

/// What a screen reader hears for a place.
fn spot_name(s: &Spot) -> String {
    if s.active {
        format!("{} (runs kubectl): {}", s.label, s.description)
    } else {
        format!("{}: {}", s.label, s.description)
    }
}

fn anchor(t: &TextLine) -> &'static str {
    if t.centred {
        "middle"
    } else {
        "start"
    }
}

/// The last segment of a line, where its arrowhead goes.
fn last_leg(points: &[Point]) -> Option<(Point, Point)> {
    match points {
        [.., a, b] => Some((*a, *b)),
        _ => None,
    }
}

/// The drawing's `viewBox`: its canvas in user units.
pub fn view_box(s: &Scene) -> String {
    format!("0 0 {} {}", f(s.canvas.w), f(s.canvas.h))
}

/// The colour scheme of an exported diagram (`auto` is resolved by whoever exports).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportTheme {
    Light,
    Dark,
}

impl ExportTheme {
    pub fn from_id(id: &str) -> Option<ExportTheme> {
        match id {
            "light" => Some(ExportTheme::Light),
            "dark" => Some(ExportTheme::Dark),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ExportTheme::Light => "light",
            ExportTheme::Dark => "dark",
        }
    }

    /// The value of the stylesheet's custom property `--name` in this theme.
    fn colour(self, name: &str) -> Option<&'static str> {
        COLOURS
            .iter()
            .find(|c| c.0 == name)
            .map(|c| if self == ExportTheme::Light { c.1 } else { c.2 })
    }
}

/// The diagram's colours: custom property, light and dark value, as `www/style.css` sets them
/// (a test checks them against it).
const COLOURS: [(&str, &str, &str); 14] = [
    ("bg", "#ffffff", "#0f1419"),
    ("fg", "#1b1f24", "#e6edf3"),
    ("muted", "#4a5360", "#aab4bf"),
    ("zone-fill", "#f3f6fa", "#18202a"),
    ("zone-stroke", "#6b7685", "#8b96a3"),
    ("paas-fill", "#eef4fd", "#162235"),
    ("resource-fill", "#ffffff", "#0f1419"),
    ("resource-stroke", "#1f5fa8", "#7fb3ee"),
    ("arrow", "#1f5fa8", "#7fb3ee"),
    ("active", "#9a5b00", "#f2b35b"),
    ("dns", "#7a3fb0", "#c79bf2"),
    ("tunnel", "#0f6d6d", "#5fd4d4"),
    ("kubelet", "#9a4a00", "#ffb366"),
    ("block", "#b42318", "#ff8a80"),
];

/// The page's font (the stylesheet's `body` rule).
const FONT: &str =
    r#"system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif"#;

/// The stylesheet's rules for the network diagram, as written in `www/style.css` less motion (a
/// test checks each declaration against it), and the backdrop the page gives the diagram.
const RULES: &str = "\
.backdrop{fill:var(--bg)}
.diagram text{fill:var(--fg);font-size:15px}
.area .area-box{fill:var(--zone-fill);stroke:var(--zone-stroke);stroke-width:1.5}
.area.subnet .area-box{fill:none;stroke-dasharray:6 4}
[data-area=\"managed\"] .area-box{fill:var(--paas-fill)}
.diagram .area-label{font-weight:700;font-size:13px}
.spot .spot-box{fill:var(--resource-fill);stroke:var(--resource-stroke);stroke-width:1.5}
.spot.active .spot-box{stroke:var(--active);stroke-width:3.5}
.diagram .spot-label{font-weight:700;font-size:13px}
.diagram .spot-sub{fill:var(--muted);font-size:12px}
.diagram .legend-text{font-size:12px}
.legend-sample line{stroke:var(--arrow);stroke-width:3}
.legend-dns-query line,.legend-dns-answer line{stroke:var(--dns)}
.legend-dns-answer line{stroke-dasharray:7 4}
.legend-nat line{stroke-dasharray:4 2}
.legend-kubelet line{stroke:var(--kubelet);stroke-dasharray:12 3}
.legend-tunnel line{stroke:var(--tunnel);stroke-width:4}
.legend-zone-link line{stroke:var(--dns);stroke-width:2;stroke-dasharray:3 4}
.legend-block line,.legend-sample .block-x{stroke:var(--block);stroke-dasharray:2 5}
.legend-sample .block-x{stroke-dasharray:none;stroke-width:2.5;fill:none}
.absent{opacity:0;visibility:hidden}
.zone-link path{stroke:var(--dns);stroke-width:2;stroke-dasharray:3 4}
.event-line{stroke:var(--arrow);stroke-width:2.5}
.event-head{fill:var(--arrow)}
.event.dns-query .event-line,.event.dns-answer .event-line{stroke:var(--dns)}
.event.dns-query .event-head,.event.dns-answer .event-head{fill:var(--dns)}
.event.dns-answer .event-line{stroke-dasharray:7 4}
.event.tunnel .event-line{stroke:var(--tunnel);stroke-width:4}
.event.tunnel .event-head{fill:var(--tunnel)}
.event.kubelet .event-line{stroke:var(--kubelet);stroke-width:3;stroke-dasharray:12 3}
.event.kubelet .event-head{fill:var(--kubelet)}
.event.nat .event-line{stroke-dasharray:4 2}
.event.tunnel .tunnel-back{fill:var(--tunnel)}
.event.block .event-line{stroke:var(--block);stroke-dasharray:2 5}
.event.block .event-head{fill:var(--block)}
.event.past{opacity:0.45}
.event.current .event-line{stroke-width:4;stroke-dashoffset:0}
.block-mark circle{fill:var(--bg);stroke:var(--block);stroke-width:2.5}
.block-mark path{stroke:var(--block);stroke-width:3}
.diagram .event-label{font-weight:700;font-size:13px;fill:var(--fg);paint-order:stroke;stroke:var(--bg);stroke-width:5px;stroke-linejoin:round}
";

/// `RULES` with every `var(--name)` replaced by the theme's colour.
fn style(theme: ExportTheme) -> String {
    let mut out = format!(".diagram{{font-family:{FONT}}}\n");
    let mut rest = RULES;
    while let Some(i) = rest.find("var(--") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 6..];
        let end = after.find(')').unwrap_or(after.len());
        out.push_str(theme.colour(&after[..end]).unwrap_or("currentColor"));
        rest = after.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

fn text(t: &TextLine) -> Element {
    label(t.class, &t.text, Point::new(t.x, t.y), anchor(t))
}

fn line(points: &[Point], class: &str) -> Option<Element> {
    let (a, b) = last_leg(points)?;
    let d = rounded_path(points);
    let path = el(
        "path",
        &[("class", "event-line"), ("d", &d), ("fill", "none")],
    );
    let head = arrowhead(a, b, HEAD);
    let head = el("polygon", &[("class", "event-head"), ("points", &head)]);
    Some(el("g", &[("class", class)]).with([path, head]))
}

/// Event `index` drawn with the first `shown`.
fn event(s: &Scene, trace: &Trace, index: usize, shown: usize) -> Option<Element> {
    let (e, route) = (trace.events.get(index)?, s.routes.get(index)?);
    let &end = route.points.last()?;
    let current = index + 1 == shown;
    let class = event_class(e, current);
    let i = index.to_string();
    let mut g = el(
        "g",
        &[
            ("class", &class),
            ("data-event", &i),
            ("data-from", e.from.as_str()),
            ("data-to", e.to.as_str()),
            ("aria-hidden", "true"),
        ],
    );
    g.children.extend(line(&route.points, "route"));
    g.children.extend(line(&route.through, "route through"));
    if let (EventKind::Tunnel, Verdict::Pass, [first, second, ..]) =
        (e.kind, e.verdict, route.points.as_slice())
    {
        // The way back: API server → kubelet rides inside the connection the agent dialled.
        let head = arrowhead(*second, *first, HEAD);
        let class = "event-head tunnel-back";
        g.children
            .push(el("polygon", &[("class", class), ("points", &head)]));
    }
    if e.verdict == Verdict::Block {
        g.children.push(block_mark(end, BLOCK_ARM));
    }
    if current {
        g.children
            .extend(s.label(trace, index, shown).as_ref().map(text));
    }
    Some(g)
}

/// The `<svg>` element the page draws for `s` with the first `shown` events of `trace`.
pub fn diagram(s: &Scene, trace: &Trace, shown: usize) -> Element {
    frame(s)
        .with(backdrop(s))
        .with([events(s, trace, shown), legend(s)])
}

/// The `<svg>` element itself, without children: its size, layout and accessible name.
pub fn frame(s: &Scene) -> Element {
    el(
        "svg",
        &[
            ("class", "diagram network"),
            ("viewBox", &view_box(s)),
            ("role", "group"),
            ("data-testid", "network-diagram"),
            ("data-layout", s.layout.kind.as_str()),
            ("aria-label", ARIA_LABEL),
        ],
    )
}

/// What stays the same at every step, drawn under the events: the areas, the links between
/// zones and the places. The page renders it once per scene, not on every animation step.
pub fn backdrop(s: &Scene) -> Vec<Element> {
    let l = &s.layout;
    let areas = l.areas.iter().map(|a| {
        let class = area_class(a);
        let attrs = [
            ("class", class.as_str()),
            ("data-area", a.id),
            ("aria-hidden", "true"),
        ];
        area(&attrs, "area-box", &a.rect, "10", a.title.iter().map(text))
    });
    let links = l.zone_links.iter().zip(&s.links).map(|(z, pts)| {
        let g = el(
            "g",
            &[
                ("class", "zone-link"),
                ("data-link", z.to_area),
                ("aria-hidden", "true"),
            ],
        );
        g.with([el("path", &[("d", &rounded_path(pts)), ("fill", "none")])])
    });
    let spots = l.spots.iter().map(|spot| {
        let (class, name) = (spot_class(spot), spot_name(spot));
        let mut attrs = vec![
            ("class", class.as_str()),
            ("data-place", spot.place.as_str()),
        ];
        if spot.present {
            attrs.extend([("role", "img"), ("aria-label", name.as_str())]);
        } else {
            attrs.push(("aria-hidden", "true"));
        }
        el("g", &attrs)
            .with([rounded_rect("spot-box", &spot.rect, "7")])
            .with(spot.lines.iter().map(text))
    });
    areas.chain(links).chain(spots).collect()
}

/// The events group: the first `shown` events of `trace`, the last one current.
pub fn events(s: &Scene, trace: &Trace, shown: usize) -> Element {
    let events = (0..shown).filter_map(|i| event(s, trace, i, shown));
    el("g", &[("class", "events")]).with(events)
}

/// The legend under the picture, the same at every step.
pub fn legend(s: &Scene) -> Element {
    let legend = s.legend.iter().map(|e| {
        let class = format!("legend-sample {}", e.class);
        let (x1, y1, x2, y2) = (f(e.from.x), f(e.from.y), f(e.to.x), f(e.to.y));
        let mut g = el("g", &[("class", &class)]).with([el(
            "line",
            &[("x1", &x1), ("y1", &y1), ("x2", &x2), ("y2", &y2)],
        )]);
        if e.class == "legend-block" {
            let t = translate(e.to);
            let d = cross(LEGEND_ARM);
            let attrs = [("class", "block-x"), ("transform", &t), ("d", &d)];
            g.children.push(el("path", &attrs));
        }
        g.with([text(&e.text)])
    });
    el("g", &[("class", "legend"), ("aria-hidden", "true")]).with(legend)
}

/// The diagram of `trace`'s first `step` events for a container `width` CSS pixels wide, as a
/// standalone SVG document in `theme`'s colours.
pub fn diagram_svg(
    scenario: &Scenario,
    trace: &Trace,
    step: usize,
    width: f32,
    theme: ExportTheme,
) -> String {
    let kind = LayoutKind::for_width(width);
    let width = if width.is_finite() && width > 0.0 {
        width
    } else {
        kind.view_width()
    };
    let s = scene(layout(scenario, kind), trace);
    let mut svg = diagram(&s, trace, step.min(trace.events.len()));
    let (w, h) = (f(width), f(width * s.canvas.h / s.canvas.w));
    let size = [
        ("xmlns", "http://www.w3.org/2000/svg".to_string()),
        ("width", w),
        ("height", h),
    ];
    svg.attrs.splice(0..0, size);
    svg.attrs.push(("data-theme", theme.as_str().to_string()));
    let style = Element {
        text: style(theme),
        ..el("style", &[])
    };
    svg.children
        .splice(0..0, [style, rounded_rect("backdrop", &s.canvas, "0")]);
    let mut out = String::with_capacity(32 * 1024);
    svg.write(&mut out);
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::collections::BTreeMap;
    use std::rc::Rc;

    use super::*;
    use crate::link;
    use crate::model::simulate;
    use crate::ui::components::network_diagram::{NetworkDiagram, NetworkDiagramProps};

    const STYLESHEET: &str = include_str!("../../../www/style.css");
    const OUTCOMES: &str = include_str!("../../../tests/data/outcomes.json");
    const WIDTHS: [f32; 3] = [360.0, 720.0, 1280.0];

    fn fragments() -> Vec<String> {
        let table: serde_json::Value = serde_json::from_str(OUTCOMES).expect("outcomes.json");
        let cells = table["cells"].as_array().expect("cells");
        cells
            .iter()
            .map(|c| c["fragment"].as_str().expect("fragment").to_string())
            .collect()
    }

    fn scenario(fragment: &str) -> (Scenario, Trace) {
        let (link, errors) = link::parse(fragment);
        assert!(errors.is_empty(), "{fragment}: {errors:?}");
        let trace = simulate(&link.scenario);
        (link.scenario, trace)
    }

    /// The declarations of every selector of a stylesheet's top-level rules (`@` blocks left
    /// out), merged over the rules that name it.
    fn by_selector(css: &str) -> BTreeMap<String, BTreeMap<String, String>> {
        let mut text = String::new();
        let mut rest = css;
        while let Some(i) = rest.find("/*") {
            text.push_str(&rest[..i]);
            rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
        }
        text.push_str(rest);
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut map: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        let mut rest = text.as_str();
        while let Some(open) = rest.find('{') {
            let prelude = rest[..open].trim();
            let mut depth = 0;
            let mut close = open;
            for (i, c) in rest[open..].char_indices() {
                depth += match c {
                    '{' => 1,
                    '}' => -1,
                    _ => 0,
                };
                if depth == 0 {
                    close = open + i;
                    break;
                }
            }
            if !prelude.starts_with('@') {
                let body = &rest[open + 1..close];
                let decls = body
                    .split(';')
                    .filter_map(|d| d.split_once(':'))
                    .map(|(k, v)| (k.trim().to_string(), words(v)));
                let decls: Vec<(String, String)> = decls.collect();
                for selector in prelude.split(',').map(words) {
                    map.entry(selector)
                        .or_default()
                        .extend(decls.iter().cloned());
                }
            }
            rest = &rest[close + 1..];
        }
        map
    }

    #[test]
    fn the_colours_are_the_stylesheets() {
        let page = by_selector(STYLESHEET);
        let light = &page[":root"];
        let dark = &page[".aks-netviz[data-theme=\"dark\"]"];
        assert_eq!(light, &page[".aks-netviz[data-theme=\"light\"]"]);
        for (name, l, d) in COLOURS {
            let key = format!("--{name}");
            assert_eq!(light.get(&key).map(String::as_str), Some(l), "light {key}");
            assert_eq!(dark.get(&key).map(String::as_str), Some(d), "dark {key}");
        }
        let body = &page["body"];
        assert_eq!(body["font-family"], FONT);
    }

    /// Each exported rule says what the stylesheet says for that selector, and leaves out
    /// nothing the stylesheet says there but motion.
    #[test]
    fn the_rules_are_the_stylesheets() {
        let page = by_selector(STYLESHEET);
        for (selector, decls) in by_selector(RULES) {
            if selector == ".backdrop" {
                continue;
            }
            let Some(theirs) = page.get(&selector) else {
                panic!("{selector} is not in www/style.css");
            };
            for (k, v) in &decls {
                assert_eq!(theirs.get(k), Some(v), "{selector} {k}");
            }
            for k in theirs.keys() {
                let motion = ["animation", "transition"].contains(&k.as_str());
                assert!(
                    motion || decls.contains_key(k),
                    "{selector} {k} is not exported"
                );
            }
        }
    }

    /// Every cell of the outcomes table, at each layout's width and in both themes: well-formed
    /// XML, one visible box per present place, no unresolved colour.
    #[test]
    fn every_cell_of_the_outcomes_table_serializes() {
        for fragment in fragments() {
            let (s, trace) = scenario(&fragment);
            for width in WIDTHS {
                let kind = LayoutKind::for_width(width);
                let sc = scene(layout(&s, kind), &trace);
                let present = sc.layout.spots.iter().filter(|s| s.present).count();
                let lines = sc.routes.iter().filter(|r| !r.points.is_empty()).count();
                for theme in [ExportTheme::Light, ExportTheme::Dark] {
                    let svg = diagram_svg(&s, &trace, trace.events.len(), width, theme);
                    let doc = roxmltree::Document::parse(&svg)
                        .unwrap_or_else(|e| panic!("{fragment} at {width}: {e}"));
                    let root = doc.root_element();
                    assert_eq!(
                        root.tag_name().namespace(),
                        Some("http://www.w3.org/2000/svg")
                    );
                    assert_eq!(root.attribute("data-layout"), Some(kind.as_str()));
                    assert_eq!(root.attribute("width"), Some(f(width).as_str()));
                    let boxes = doc
                        .descendants()
                        .filter(|n| n.has_attribute("data-place"))
                        .filter(|n| !n.attribute("class").unwrap_or("").contains("absent"))
                        .count();
                    assert_eq!(boxes, present, "{fragment} at {width}");
                    let events = doc.descendants().filter(|n| n.has_attribute("data-event"));
                    assert_eq!(events.count(), lines, "{fragment}");
                    assert!(!svg.contains("var("), "{fragment}: an unresolved colour");
                }
            }
        }
    }

    #[test]
    fn the_themes_differ_in_colour_only() {
        let (s, trace) = scenario("mode=private&dns=none&client=onprem");
        let light = diagram_svg(&s, &trace, 3, 1000.0, ExportTheme::Light);
        let dark = diagram_svg(&s, &trace, 3, 1000.0, ExportTheme::Dark);
        assert_ne!(light, dark);
        assert!(light.contains(".backdrop{fill:#ffffff}"), "{light}");
        assert!(dark.contains(".backdrop{fill:#0f1419}"));
        let body = |svg: &str| svg[svg.find("</style>").unwrap_or(0)..].to_string();
        assert_eq!(body(&light), body(&dark));
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        let t = TextLine {
            text: r#"<a & "b" 'c'>"#.into(),
            x: 1.0,
            y: 2.0,
            size: 12.0,
            bold: false,
            centred: true,
            class: "spot-sub",
        };
        let g = el("g", &[("aria-label", "x < y & \"z\"")]).with([text(&t)]);
        let mut out = String::new();
        g.write(&mut out);
        assert_eq!(
            out,
            "<g aria-label=\"x &lt; y &amp; &quot;z&quot;\"><text class=\"spot-sub\" x=\"1.0\" \
             y=\"2.0\" text-anchor=\"middle\">&lt;a &amp; \"b\" 'c'&gt;</text></g>"
        );
        let doc = roxmltree::Document::parse(&out).expect("well-formed");
        assert_eq!(
            doc.root_element().attribute("aria-label"),
            Some("x < y & \"z\"")
        );
        let text = doc.descendants().find(|n| n.has_tag_name("text"));
        assert_eq!(text.and_then(|n| n.text()), Some(t.text.as_str()));
    }

    /// An element as comparable data: name, attributes, text and children.
    #[derive(Debug, PartialEq)]
    struct Parsed {
        name: String,
        attrs: BTreeMap<String, String>,
        text: String,
        children: Vec<Parsed>,
    }

    fn element(n: roxmltree::Node) -> Parsed {
        Parsed {
            name: n.tag_name().name().to_string(),
            attrs: n
                .attributes()
                .filter(|a| a.namespace().is_none())
                .map(|a| (a.name().to_string(), a.value().to_string()))
                .collect(),
            text: n
                .children()
                .filter(|c| c.is_text())
                .filter_map(|c| c.text())
                .collect(),
            children: n
                .children()
                .filter(|c| c.is_element())
                .map(element)
                .collect(),
        }
    }

    /// The export is the page's drawing, element for element, attribute for attribute, with
    /// its size, theme, stylesheet and backdrop added.
    #[test]
    fn the_export_draws_what_the_page_draws() {
        for fragment in [
            "mode=private&dns=none&client=onprem",
            "mode=authorized&ranges=81.56.12.7/32&egress=natgw&client=node",
            "mode=vnet&private=on&zonelink=on&forwarder=on&client=peered",
            "mode=public&client=laptop",
        ] {
            let (s, trace) = scenario(fragment);
            for width in WIDTHS {
                for step in [0, 2, trace.events.len()] {
                    let props = NetworkDiagramProps {
                        scenario: Rc::new(s.clone()),
                        trace: Rc::new(trace.clone()),
                        step,
                        motion: false,
                        width,
                    };
                    let page = futures::executor::block_on(
                        yew::LocalServerRenderer::<NetworkDiagram>::with_props(props).render(),
                    );
                    let page = roxmltree::Document::parse(&page).expect("the page's markup");
                    let page = page.descendants().find(|n| n.has_tag_name("svg"));
                    let page = element(page.expect("an svg"));
                    let svg = diagram_svg(&s, &trace, step, width, ExportTheme::Light);
                    let svg = roxmltree::Document::parse(&svg).expect("well-formed");
                    let mut export = element(svg.root_element());
                    for added in ["width", "height", "data-theme"] {
                        assert!(export.attrs.remove(added).is_some(), "{added}");
                    }
                    let added: Vec<Parsed> = export.children.drain(..2).collect();
                    assert_eq!(added[0].name, "style");
                    assert_eq!(added[1].attrs["class"], "backdrop");
                    assert_eq!(export, page, "{fragment} at {width} px, step {step}");
                }
            }
        }
    }
}
