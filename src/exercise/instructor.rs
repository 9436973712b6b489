//! The instructor page (`instructor.html` of the release site): every exercise with the links to
//! hand out, what the attendee reads, the hints and the explanation, and one known solution with
//! the command that grades it. Plain HTML text, built natively at site build time; the page loads
//! no widget, and nothing here reaches the wasm.

use super::catalogue::Exercise;
use super::check::{setting_value, shown_value};
use crate::link::{percent_encode, print};
use crate::render::embed::escape_attr as escape;

/// The page every link on the instructor page opens (relative: the site works at a domain root,
/// under a sub-path and from GitHub Pages).
const WIDGET_PAGE: &str = "index.html";

/// The fragment that opens exercise `id` (`exercise=<id>`).
pub fn exercise_fragment(id: &str) -> String {
    format!("exercise={}", percent_encode(id))
}

/// The known solution's settings as the widget writes a fragment (`link::print`): percent-encoded,
/// so it holds no `'` and the grader's command line can quote it with single quotes.
pub fn solution_fragment(ex: &Exercise) -> String {
    print(&ex.solution)
}

/// The attendee's link to exercise `ex`.
pub fn attendee_link(ex: &Exercise) -> String {
    format!("{WIDGET_PAGE}#{}", exercise_fragment(&ex.id))
}

/// The link to exercise `ex` in the embed view (for an iframe in slides or course notes).
pub fn embed_link(ex: &Exercise) -> String {
    format!("{}&view=embed", attendee_link(ex))
}

/// The link to exercise `ex` with its known solution's settings applied.
pub fn solution_link(ex: &Exercise) -> String {
    format!("{}&{}", attendee_link(ex), solution_fragment(ex))
}

/// The grader's command line for the known solution (the fragment is percent-encoded, so it holds
/// no `'` and single quotes are enough for the shell).
pub fn grader_command(ex: &Exercise) -> String {
    format!("aks-netviz exercise {} '{}'", ex.id, solution_fragment(ex))
}

/// The instructor page's `<main class="page instructor">`: a heading, how to run a workshop with
/// the exercises, a table of contents and one `<section id="<id>" data-exercise="<id>">` each.
pub fn instructor_page(list: &[Exercise]) -> String {
    let mut out = String::new();
    out.push_str("<main class=\"page instructor\">\n");
    out.push_str("<h1>Workshop exercises: instructor page</h1>\n");
    out.push_str(&format!(
        "<p>{} exercises, each a broken or incomplete cluster that attendees fix in the explainer. \
         To run a workshop, share each exercise's attendee link (<code>{WIDGET_PAGE}#exercise=&lt;id&gt;</code> \
         after the site's address) or embed it in your slides with the embed link. Attendees' \
         progress stays in their own browser: nothing is sent anywhere, so there is nothing to \
         collect. To grade an answer, ask for the link the attendee's widget shows (its settings are \
         in the fragment) and check it with the native command \
         <code>aks-netviz exercise &lt;id&gt; '&lt;fragment&gt;'</code>: it runs the model, prints \
         one line per goal and per kept setting, and exits 0 when the exercise is solved. Any correct \
         answer passes; the solution below is only one of them.</p>\n",
        list.len()
    ));
    out.push_str(
        "<nav class=\"instructor-contents\" aria-labelledby=\"instructor-contents\">\n\
         <h2 id=\"instructor-contents\">Exercises</h2>\n<ol>\n",
    );
    for ex in list {
        out.push_str(&format!(
            "<li><a href=\"#{}\">{}</a></li>\n",
            escape(&ex.id),
            escape(&ex.title)
        ));
    }
    out.push_str("</ol>\n</nav>\n");
    for ex in list {
        out.push_str(&section(ex));
    }
    out.push_str("</main>\n");
    out
}

fn section(ex: &Exercise) -> String {
    let id = escape(&ex.id);
    let heading = format!("exercise-{id}-title");
    let mut out = format!(
        "<section id=\"{id}\" data-exercise=\"{id}\" aria-labelledby=\"{heading}\">\n\
         <h2 id=\"{heading}\">{}</h2>\n",
        escape(&ex.title)
    );
    let attendee = escape(&attendee_link(ex));
    let embed = escape(&embed_link(ex));
    out.push_str(&format!(
        "<h3>Links</h3>\n<ul class=\"instructor-links\">\n\
         <li>For attendees: <a data-link=\"attendee\" href=\"{attendee}\">open the exercise</a>, \
         to share: <code class=\"copy-text\">{attendee}</code></li>\n\
         <li>Embed view (for an iframe): <a data-link=\"embed\" href=\"{embed}\">open</a>, \
         <code class=\"copy-text\">{embed}</code></li>\n</ul>\n"
    ));
    out.push_str(&format!("<h3>Story</h3>\n<p>{}</p>\n", escape(&ex.story)));
    out.push_str("<h3>Goals</h3>\n<ul class=\"instructor-goals\">\n");
    for goal in &ex.goals {
        out.push_str(&format!("<li>{}</li>\n", escape(&goal.to_string())));
    }
    out.push_str("</ul>\n<h3>Settings that must keep their start value</h3>\n");
    if ex.keep.is_empty() {
        out.push_str("<p>None: any setting may change.</p>\n");
    } else {
        out.push_str("<ul class=\"instructor-kept\">\n");
        for key in &ex.keep {
            let value = setting_value(&ex.start_link.scenario, key);
            let value = format!("<code>{}</code>", escape(shown_value(&value)));
            out.push_str(&format!("<li><code>{}</code>: {value}</li>\n", escape(key)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str(
        "<h3>Hints, in the order attendees see them</h3>\n<ol class=\"instructor-hints\">\n",
    );
    for hint in &ex.hints {
        out.push_str(&format!("<li>{}</li>\n", escape(hint)));
    }
    out.push_str("</ol>\n");
    out.push_str(&format!(
        "<h3>Explanation</h3>\n<p>{}</p>\n",
        escape(&ex.explanation)
    ));
    out.push_str(&format!(
        "<h3>One known solution</h3>\n\
         <p><a data-link=\"solution\" href=\"{}\">Open the exercise solved</a>; grade it with \
         <code class=\"copy-text\">{}</code></p>\n</section>\n",
        escape(&solution_link(ex)),
        escape(&grader_command(ex))
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise::{catalogue, check, parse_catalogue};
    use crate::link::parse;

    fn shipped() -> &'static [Exercise] {
        catalogue().expect("the shipped exercises")
    }

    #[test]
    fn every_exercise_has_its_section_and_both_links() {
        let list = shipped();
        let page = instructor_page(list);
        assert!(page.starts_with("<main class=\"page instructor\">"));
        assert!(page.trim_end().ends_with("</main>"));
        assert_eq!(page.matches("<section ").count(), list.len());
        for ex in list {
            let attendee = format!("index.html#exercise={}", ex.id);
            for expected in [
                format!("<section id=\"{0}\" data-exercise=\"{0}\"", ex.id),
                format!("<a href=\"#{}\">", ex.id),
                format!("href=\"{attendee}\">"),
                format!("<code class=\"copy-text\">{attendee}</code>"),
                format!("href=\"{attendee}&amp;view=embed\">"),
            ] {
                assert!(page.contains(&expected), "{}: no `{expected}`", ex.id);
            }
            for goal in &ex.goals {
                assert!(page.contains(&format!("<li>{}</li>", escape(&goal.to_string()))));
            }
            for hint in &ex.hints {
                assert!(page.contains(&escape(hint)), "{}: hint", ex.id);
            }
            assert!(page.contains(&escape(&grader_command(ex))));
        }
    }

    #[test]
    fn every_known_solution_link_solves_its_exercise() {
        for ex in shipped() {
            let link = solution_link(ex);
            let fragment = link.split_once('#').expect("a fragment").1;
            let (parsed, errors) = parse(fragment);
            assert!(errors.is_empty(), "{}: {errors:?}", ex.id);
            assert_eq!(parsed.exercise.as_deref(), Some(ex.id.as_str()));
            let result = check(ex, &parsed.scenario);
            assert!(
                result.solved(),
                "{}: {link} does not solve it: {result:?}",
                ex.id
            );
            // The grader's command line checks the same fragment.
            let command = grader_command(ex);
            let quoted = command
                .rsplit_once(" '")
                .and_then(|(_, rest)| rest.strip_suffix('\''))
                .expect("a quoted fragment");
            assert!(!quoted.contains('\''));
            assert!(check(ex, &parse(quoted).0.scenario).solved(), "{command}");
        }
    }

    #[test]
    fn text_from_the_file_is_escaped() {
        let file = r#"{"exercises": [{
            "id": "tricky",
            "title": "<script>alert(1)</script> & \"quotes\"",
            "story": "a <b>bold</b> story & more",
            "start": "mode=authorized&ranges=81.56.40.1/32&cluster=a_b",
            "goals": [{ "client": "laptop", "outcome": "timeout" }],
            "keep": ["cluster", "ranges"],
            "hints": ["use <ranges> & \"quotes\""],
            "explanation": "x < y > z",
            "solution": "mode=authorized&ranges=81.56.40.1/32&cluster=a_b"
        }]}"#;
        let list = parse_catalogue(file).expect("a valid file");
        let page = instructor_page(&list);
        for raw in [
            "<script>",
            "<b>",
            "<ranges>",
            "x < y",
            "& \"quotes\"",
            "& more",
        ] {
            assert!(!page.contains(raw), "`{raw}` is not escaped");
        }
        for escaped in [
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;",
            "a &lt;b&gt;bold&lt;/b&gt; story &amp; more",
            "<li>use &lt;ranges&gt; &amp; &quot;quotes&quot;</li>",
            "<p>x &lt; y &gt; z</p>",
            "<li><code>cluster</code>: <code>a_b</code></li>",
            "<li><code>ranges</code>: <code>81.56.40.1/32</code></li>",
            // Links carry `&` between keys, escaped in the attribute and in the copyable text.
            "href=\"index.html#exercise=tricky&amp;mode=authorized&amp;ranges=81.56.40.1/32&amp;cluster=a_b\"",
            "<code class=\"copy-text\">aks-netviz exercise tricky 'mode=authorized&amp;ranges=81.56.40.1/32&amp;cluster=a_b'</code>",
        ] {
            assert!(page.contains(escaped), "no `{escaped}`");
        }
    }

    #[test]
    fn fragments_are_percent_encoded_as_the_widget_writes_them() {
        let list = parse_catalogue(
            r#"{"exercises": [{"id": "spaced", "title": "t", "story": "s",
            "start": "mode=public", "goals": [{"client": "laptop", "outcome": "success"}],
            "hints": ["h"], "explanation": "e",
            "solution": "mode=authorized&ranges=1.1.1.1/32, 2.2.2.2/32"}]}"#,
        )
        .expect("a valid file");
        // A space typed in the ranges is encoded; `,` and `/` stay as the widget writes them.
        assert_eq!(
            solution_fragment(&list[0]),
            "mode=authorized&ranges=1.1.1.1/32,%202.2.2.2/32"
        );
        assert_eq!(
            grader_command(&list[0]),
            "aks-netviz exercise spaced 'mode=authorized&ranges=1.1.1.1/32,%202.2.2.2/32'"
        );
        assert_eq!(
            exercise_fragment("locked-out-at-home"),
            "exercise=locked-out-at-home"
        );
    }
}
