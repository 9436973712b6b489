//! Copy buttons that write a text to the clipboard.

use yew::Callback;
use yew::MouseEvent;

/// A click handler that writes `text` to the clipboard. The clipboard may be missing (a page
/// served over plain HTTP) or refuse the write (no permission): the text stays on screen to copy
/// by hand, and the refusal is awaited here so the page does not report it as an unhandled
/// promise rejection. Outside a browser, it does nothing.
pub fn copy_on_click(text: impl Into<String>) -> Callback<MouseEvent> {
    let text: String = text.into();
    Callback::from(move |_| {
        #[cfg(target_arch = "wasm32")]
        {
            let clipboard = web_sys::window()
                .map(|w| w.navigator().clipboard())
                .filter(|c| !c.is_undefined());
            if let Some(clipboard) = clipboard {
                let written = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text));
                yew::platform::spawn_local(async move {
                    let _ = written.await;
                });
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = &text;
    })
}
