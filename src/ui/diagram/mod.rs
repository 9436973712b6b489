//! The network diagram's drawing rules, free of web types so they run natively: text metrics,
//! the orthogonal router, the routed scene and its legibility check, and the scene as a standalone SVG document.

pub mod check;
pub mod metrics;
pub mod packet;
pub mod router;
pub mod scene;
pub mod svg;
