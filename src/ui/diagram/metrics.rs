//! Text widths for laying the diagram out without a browser: labels must fit their boxes and
//! never collide, in the page, in the prerendered HTML and in an exported SVG alike.
//!
//! The stylesheet sets `system-ui, …, sans-serif`. The advance widths below are the larger of
//! DejaVu Sans (what that stack resolves to on Linux, the widest of the common sans fonts) and
//! Liberation Sans (Arial's metrics), measured at 100 px in Chromium for ASCII 32–126; anything
//! else counts as one em. A margin of 4 % covers hinting and the narrower fonts of other systems
//! never make a text wider than this.

use crate::ui::svg_parts::{cut_lines, Cut};

/// Advance widths of ASCII 32–126 at 100 px, regular weight.
const REGULAR: [u8; 95] = [
    32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 34, 34, 84, 84, 84, 56, 102, 68, 69, 72, 77, 67, 61, 78, 75, 29, 50, 67, 56, 86, 75,
    79, 67, 79, 72, 67, 61, 73, 68, 99, 69, 67, 69, 39, 34, 39, 84, 56, 50, 61, 63, 55, 63, 62, 35,
    63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
];

/// Advance widths of ASCII 32–126 at 100 px, bold.
const BOLD: [u8; 95] = [
    35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70,
    70, 70, 70, 40, 40, 84, 84, 84, 61, 100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 56, 77, 64, 100,
    84, 85, 73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 56, 50, 67, 72, 59, 72,
    68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71,
    37, 71, 84,
];

/// Line height as a multiple of the font size.
pub const LINE: f32 = 1.25;

/// The width of `text` at `size` px (an upper bound for the stylesheet's fonts).
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let table = if bold { &BOLD } else { &REGULAR };
    let units: u32 = text
        .chars()
        .map(|c| match c as u32 {
            32..=126 => u32::from(table[c as usize - 32]),
            _ => 100,
        })
        .sum();
    units as f32 * size / 100.0 * 1.04
}

/// Breaks `text` into lines no wider than `max`, at spaces, keeping explicit `\n` breaks. A
/// word longer than a line is cut with an ellipsis: the caller keeps the full text for the
/// accessible name.
pub fn wrap(text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
    text.split('\n')
        .flat_map(|para| cut_lines(para, Cut::Spaces, |l| text_width(l, size, bold) <= max))
        .map(|l| fit(&l, size, bold, max))
        .collect()
}

/// `text`, cut with an ellipsis where it would be wider than `max`.
pub fn fit(text: &str, size: f32, bold: bool, max: f32) -> String {
    if text_width(text, size, bold) <= max {
        return text.to_string();
    }
    let mut out: String = text.to_string();
    while !out.is_empty() && text_width(&format!("{out}…"), size, bold) > max {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_size_and_weight() {
        let regular = text_width("Node subnet 10.224.0.0/16", 12.0, false);
        assert!(regular > 140.0 && regular < 180.0, "{regular}");
        assert!(text_width("Node subnet 10.224.0.0/16", 12.0, true) > regular);
        assert_eq!(text_width("", 12.0, false), 0.0);
    }

    #[test]
    fn wrapping_keeps_every_line_inside_and_cuts_what_cannot_fit() {
        for line in wrap("DNS Private Resolver inbound 10.100.1.4", 13.0, true, 120.0) {
            assert!(text_width(&line, 13.0, true) <= 120.0, "{line}");
        }
        let cut = wrap(
            "3b7ca984-03df-44f2-bfb3-e2234ff2c58f.privatelink",
            12.0,
            false,
            100.0,
        );
        assert_eq!(cut.len(), 1);
        assert!(cut[0].ends_with('…'));
        assert_eq!(wrap("a\nb", 12.0, false, 100.0), ["a", "b"]);
    }
}
