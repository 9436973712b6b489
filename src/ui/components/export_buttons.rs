//! "Download SVG" and "Download PNG" under the network diagram: the diagram as it is now (state,
//! step, the layout of the width it has) in the theme shown, from `diagram::svg` rather than the
//! page's markup, so the file carries its own colours. The PNG is that SVG drawn on a canvas at
//! twice its size.

use std::rc::Rc;

use yew::prelude::*;

use crate::link::Theme;
use crate::model::{Scenario, Trace};

#[derive(Properties, PartialEq)]
pub struct ExportButtonsProps {
    pub scenario: Rc<Scenario>,
    pub trace: Rc<Trace>,
    pub step: usize,
    pub theme: Theme,
}

#[function_component(ExportButtons)]
pub fn export_buttons(props: &ExportButtonsProps) -> Html {
    crate::ui::renders::rendered("export-buttons");
    let node = use_node_ref();
    let export = |png: bool| {
        let node = node.clone();
        let (scenario, trace, step, theme) = (
            props.scenario.clone(),
            props.trace.clone(),
            props.step,
            props.theme,
        );
        Callback::from(move |_: MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            web::export(&node, &scenario, &trace, step, theme, png);
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&node, &scenario, &trace, step, theme, png);
        })
    };
    html! {
        <div class="export-buttons" ref={node.clone()}>
            <button type="button" class="button small" data-testid="download-svg" onclick={export(false)}>
                { "Download SVG" }
            </button>
            <button type="button" class="button small" data-testid="download-png" onclick={export(true)}>
                { "Download PNG" }
            </button>
        </div>
    }
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{
        CanvasRenderingContext2d, Element, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement,
    };
    use yew::NodeRef;

    use crate::link::Theme;
    use crate::model::{Scenario, Trace};
    use crate::ui::diagram::svg::{diagram_svg, ExportTheme};
    use crate::ui::hooks::use_reduced_motion::media_matches;

    pub fn export(
        node: &NodeRef,
        scenario: &Scenario,
        trace: &Trace,
        step: usize,
        theme: Theme,
        png: bool,
    ) {
        // The width the widget's diagram has now, so the export uses the same layout.
        let width = node
            .cast::<Element>()
            .and_then(|el| el.closest(".aks-netviz").ok().flatten())
            .and_then(|w| {
                w.query_selector("[data-testid=\"network-diagram\"]")
                    .ok()
                    .flatten()
            })
            .map_or(1000.0, |d| d.get_bounding_client_rect().width() as f32);
        let dark = match theme {
            Theme::Dark => true,
            Theme::Light => false,
            Theme::Auto => media_matches("(prefers-color-scheme: dark)"),
        };
        let theme = if dark {
            ExportTheme::Dark
        } else {
            ExportTheme::Light
        };
        let svg = diagram_svg(scenario, trace, step, width, theme);
        let url = format!(
            "data:image/svg+xml;charset=utf-8,{}",
            js_sys::encode_uri_component(&svg)
        );
        let name = format!(
            "aks-netviz-{}-{}-step-{}",
            scenario.mode.as_str(),
            scenario.client.as_str(),
            step.min(trace.events.len())
        );
        if !png {
            download(&url, &format!("{name}.svg"));
            return;
        }
        let Ok(image) = HtmlImageElement::new() else {
            return;
        };
        let img = image.clone();
        let on_load = Closure::once_into_js(move || {
            let (w, h) = (img.natural_width() * 2, img.natural_height() * 2);
            let canvas = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.create_element("canvas").ok())
                .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok());
            let Some(canvas) = canvas else {
                return;
            };
            canvas.set_width(w);
            canvas.set_height(h);
            let context = canvas
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
            if let Some(context) = context {
                let _ = context.draw_image_with_html_image_element_and_dw_and_dh(
                    &img,
                    0.0,
                    0.0,
                    f64::from(w),
                    f64::from(h),
                );
                if let Ok(png) = canvas.to_data_url_with_type("image/png") {
                    download(&png, &format!("{name}.png"));
                }
            }
        });
        image.set_onload(Some(on_load.unchecked_ref()));
        image.set_src(&url);
    }

    /// Saves `url` as `file` through a temporary `<a download>`.
    fn download(url: &str, file: &str) {
        let link = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("a").ok())
            .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok());
        if let Some(link) = link {
            link.set_href(url);
            link.set_download(file);
            link.click();
        }
    }
}
