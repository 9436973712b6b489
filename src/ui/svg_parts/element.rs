//! The element tree the SVG drawings are built as: the same data becomes Yew nodes in the page
//! and XML in an exported file, so the two never differ.

use yew::virtual_dom::{Key, VTag, VText};
use yew::Html;

/// One SVG element as plain data: a page renders it ([`to_html`]), an export writes it
/// ([`Element::write`]), and a native test reads it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Element {
    pub name: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub text: String,
    pub children: Vec<Element>,
}

/// An element with these attributes and nothing inside.
pub fn el(name: &'static str, attrs: &[(&'static str, &str)]) -> Element {
    Element {
        name,
        attrs: attrs.iter().map(|(k, v)| (*k, v.to_string())).collect(),
        ..Element::default()
    }
}

impl Element {
    /// The element with `children` appended.
    pub fn with(mut self, children: impl IntoIterator<Item = Element>) -> Element {
        self.children.extend(children);
        self
    }

    /// The element with one more attribute.
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Element {
        self.attrs.push((name, value.into()));
        self
    }

    /// The element as XML, attribute values and text escaped.
    pub fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(self.name);
        for (k, v) in &self.attrs {
            out.push(' ');
            out.push_str(k);
            out.push_str("=\"");
            escape(v, true, out);
            out.push('"');
        }
        if self.text.is_empty() && self.children.is_empty() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        escape(&self.text, false, out);
        for c in &self.children {
            c.write(out);
        }
        out.push_str("</");
        out.push_str(self.name);
        out.push('>');
    }
}

/// Escapes for XML text, or for a double-quoted attribute value.
fn escape(text: &str, attr: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// The element as Yew nodes, for a component to render.
///
/// Siblings that each name what they draw (an area, a place, an event) are keyed by it, so a
/// change that adds one (a private cluster's zone link) inserts one node instead of rewriting
/// every later sibling in place.
pub fn to_html(e: &Element) -> Html {
    to_tag(e, None).into()
}

/// `e`'s own tag and attributes, with `children` (rendered elsewhere, components among them) in
/// place of its own: a drawing whose parts change at different times.
pub fn to_html_around(e: &Element, children: impl IntoIterator<Item = Html>) -> Html {
    let bare = Element {
        name: e.name,
        attrs: e.attrs.clone(),
        text: e.text.clone(),
        children: Vec::new(),
    };
    let mut tag = to_tag(&bare, None);
    tag.add_children(children);
    tag.into()
}

/// Sibling elements as one list of Yew nodes, keyed as [`to_html`] keys children.
pub fn to_html_list(elements: &[Element]) -> Html {
    keyed(elements).collect()
}

fn to_tag(e: &Element, key: Option<Key>) -> VTag {
    let mut tag = VTag::new(e.name);
    tag.key = key;
    for (k, v) in &e.attrs {
        tag.add_attribute(k, v.clone());
    }
    if !e.text.is_empty() {
        tag.add_child(VText::new(e.text.clone()).into());
    }
    tag.add_children(keyed(&e.children));
    tag
}

/// Siblings as Yew nodes, each keyed by what it draws when those keys are unique.
fn keyed(elements: &[Element]) -> impl Iterator<Item = Html> + '_ {
    let keys = sibling_keys(elements);
    elements.iter().enumerate().map(move |(i, c)| {
        let key = keys.as_ref().map(|k| Key::from(k[i].as_str()));
        Html::from(to_tag(c, key))
    })
}

/// The attributes that name what an element draws, in the order they are looked for.
const IDENTITY: [&str; 3] = ["data-area", "data-place", "data-event"];

/// One key per element, or none when two siblings would share one (a place's label lines).
fn sibling_keys(children: &[Element]) -> Option<Vec<String>> {
    let keys: Vec<String> = children.iter().map(identity).collect();
    // A few dozen siblings: comparing each pair is cheap, and no sort is compiled in.
    let unique = keys.iter().enumerate().all(|(i, k)| !keys[..i].contains(k));
    unique.then_some(keys)
}

/// What an element draws: its identity attribute, else its name and class.
fn identity(e: &Element) -> String {
    let attr = |name: &str| e.attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| v);
    match IDENTITY.iter().find_map(|a| attr(a).map(|v| (a, v))) {
        Some((a, v)) => format!("{a}={v}"),
        None => format!("{}.{}", e.name, attr("class").map_or("", |c| c.as_str())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_and_text_are_escaped_and_empty_elements_close_themselves() {
        let g = el("g", &[("aria-label", "x < y & \"z\"")])
            .with([Element {
                text: "<a & \"b\">".into(),
                ..el("text", &[])
            }])
            .with([el("rect", &[]).attr("rx", "7")]);
        let mut out = String::new();
        g.write(&mut out);
        assert_eq!(
            out,
            "<g aria-label=\"x &lt; y &amp; &quot;z&quot;\"><text>&lt;a &amp; \"b\"&gt;</text><rect rx=\"7\"/></g>"
        );
    }

    #[test]
    fn siblings_that_name_what_they_draw_are_keyed_and_repeated_names_are_not() {
        let svg = el("svg", &[]).with([
            el("rect", &[("class", "backdrop")]),
            el("g", &[("class", "spot absent"), ("data-place", "ilb")]).with([
                el("text", &[("class", "spot-sub")]),
                el("text", &[("class", "spot-sub")]),
            ]),
            el("g", &[("class", "events")]),
        ]);
        let root = to_tag(&svg, None);
        let keys: Vec<Option<String>> = root
            .children()
            .into_iter()
            .flat_map(|c| match c {
                Html::VList(l) => l.iter().cloned().collect::<Vec<_>>(),
                other => vec![other.clone()],
            })
            .map(|c| match c {
                Html::VTag(t) => t.key.as_ref().map(|k| k.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(
            keys,
            [
                Some("rect.backdrop".to_string()),
                Some("data-place=ilb".to_string()),
                Some("g.events".to_string()),
            ]
        );
        let spot = &svg.children[1];
        assert_eq!(sibling_keys(&spot.children), None);
    }
}
