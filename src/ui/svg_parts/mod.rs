//! The pieces every SVG diagram shares (the network diagram and its export, the overview, the
//! primer), so each is written once: numbers as attributes print them, the element tree the
//! drawings are built as, rounded rectangles, labels, areas, the block mark, and label wrapping.

pub mod element;
pub mod lines;
pub mod number;
pub mod shapes;

pub use element::{el, to_html, to_html_around, to_html_list, Element};
pub use lines::{cut_lines, shorten, Cut};
pub use number::{f, short, tenths, whole};
pub use shapes::{area, block_mark, cross, label, rounded_rect, translate};
