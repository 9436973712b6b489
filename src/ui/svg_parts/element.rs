//! The element tree the SVG drawings are built as: the same data becomes Yew nodes in the page
//! and XML in an exported file, so the two never differ.

use yew::virtual_dom::{VTag, VText};
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
pub fn to_html(e: &Element) -> Html {
    let mut tag = VTag::new(e.name);
    for (k, v) in &e.attrs {
        tag.add_attribute(k, v.clone());
    }
    if !e.text.is_empty() {
        tag.add_child(VText::new(e.text.clone()).into());
    }
    tag.add_children(e.children.iter().map(to_html));
    tag.into()
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
}
