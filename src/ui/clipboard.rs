//! Copy buttons that write a text to the clipboard.

use yew::Callback;
use yew::MouseEvent;

/// A click handler that writes `text` to the clipboard (outside a browser, it does nothing).
pub fn copy_on_click(text: impl Into<String>) -> Callback<MouseEvent> {
    let text: String = text.into();
    Callback::from(move |_| {
        #[cfg(target_arch = "wasm32")]
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&text);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = &text;
    })
}
