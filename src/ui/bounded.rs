//! Bounded views of lists and texts that grow with what the reader pastes.
//!
//! AKS accepts at most 2,000 authorized ranges, but a reader can paste far more (a whole address
//! plan, a log file). The model keeps and checks every entry; the page draws at most a few hundred
//! rows and a few hundred kilobytes of text, and says what it left out, so a paste of any size is
//! answered within a second and the page stays responsive. Nothing the reader typed is dropped:
//! the scenario, the link and every Copy button keep the whole value.

/// The most characters a text panel shows: every text of a valid cluster (2,000 ranges give an
/// access profile of about 60 KB) fits whole.
pub const TEXT_SHOWN: usize = 128 * 1024;

/// The most characters the import field holds: a longer paste is read whole but the field shows
/// its start ([`FIELD_PREVIEW`]), read-only. A text field is laid out whole (a browser takes
/// seconds for megabytes), and the 47 KB of `az aks show` with 2,000 ranges took 60 ms of a
/// 150 ms layout when that paste was shown; an `az aks show` of a cluster with a few hundred
/// ranges stays editable.
pub const FIELD_SHOWN: usize = 16 * 1024;

/// How much of a paste longer than [`FIELD_SHOWN`] the import field shows: enough lines to tell
/// what was pasted, which cannot be edited there anyway. A 16 KB start still cost about 20 ms of
/// layout on the frame that shows an imported cluster of 2,000 ranges.
pub const FIELD_PREVIEW: usize = 2 * 1024;

/// The longest range entry drawn in an editable field. An IPv4 CIDR has at most 18 characters,
/// so a longer entry is pasted text; a field holding tens of kilobytes of it takes the browser
/// tens of milliseconds to lay out again after every change of the widget.
pub const ENTRY_FIELD: usize = 256;

/// How much of a too-long range entry the texts quote (the az commands, the access profile,
/// Terraform, Bicep, the transcript).
pub const ENTRY_QUOTED: usize = 64;

/// `ranges` as the texts quote it: every entry longer than [`ENTRY_FIELD`] characters once
/// trimmed (no IPv4 range or CIDR is, so each is refused) becomes its first [`ENTRY_QUOTED`]
/// characters and its length. `None` when no entry is that long, the texts then quote the list
/// as typed. A text panel near the screen is laid out again on every change, and tens of
/// kilobytes of pasted text in many scripts take the browser most of a second.
pub fn ranges_for_texts(ranges: &str) -> Option<String> {
    let long = |e: &str| e.trim().chars().nth(ENTRY_FIELD).is_some();
    if !ranges.split(',').any(long) {
        return None;
    }
    let entries: Vec<String> = ranges
        .split(',')
        .map(|e| {
            if !long(e) {
                return e.to_string();
            }
            let e = e.trim();
            let start: String = e.chars().take(ENTRY_QUOTED).collect();
            // No comma in the note: the texts split the list at commas.
            format!("{start}…[{} characters]", e.chars().count())
        })
        .collect();
    Some(entries.join(","))
}

/// The most list items (validation messages, refused ranges listed apart) shown before a line
/// that counts the rest.
pub const ITEMS_SHOWN: usize = 50;

/// The longest fragment the widget writes into the address bar: every valid cluster's link fits
/// (2,000 ranges make about 40,000 characters), and browsers slow down or refuse far longer URLs.
pub const ADDRESS_BAR: usize = 65_536;

/// `n` with a comma every three digits (`2,000`), as the page prints counts.
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What a text panel shows of `full`: all of it when it fits in [`TEXT_SHOWN`], else its start
/// (cut at a line end when there is one) and a sentence saying how much was left out.
pub fn text(full: &str) -> (&str, Option<String>) {
    text_within(full, TEXT_SHOWN)
}

/// [`text`] with another limit (`max` bytes).
pub fn text_within(full: &str, max: usize) -> (&str, Option<String>) {
    if full.len() <= max {
        return (full, None);
    }
    let mut cut = max;
    while !full.is_char_boundary(cut) {
        cut -= 1;
    }
    if let Some(line_end) = full[..cut].rfind('\n') {
        cut = line_end + 1;
    }
    let shown = &full[..cut];
    let left = full[cut..].chars().count();
    let total = shown.chars().count() + left;
    let note = format!(
        "… {} more characters are not shown here (the whole text has {}).",
        count(left),
        count(total)
    );
    (shown, Some(note))
}

/// What the import field shows of `full`: all of it while it is short enough to edit there, else
/// its start and the sentence saying what was left out (the field is then read-only).
pub fn import_field(full: &str) -> (&str, Option<String>) {
    if full.len() <= FIELD_SHOWN {
        return (full, None);
    }
    text_within(full, FIELD_PREVIEW)
}

/// `text` whole when it has at most `max` characters, else its first `max` and how long it is:
/// a link named in a sentence, which a 2,000-range paste makes 30 KB long.
pub fn start(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => format!(
            "{}… ({} characters in all)",
            &text[..cut],
            count(text.chars().count())
        ),
    }
}

/// The line that ends a list shown up to [`ITEMS_SHOWN`] items, when `total` is more.
pub fn more_items(total: usize, what: &str) -> Option<String> {
    (total > ITEMS_SHOWN).then(|| {
        format!(
            "… and {} more {what}, not listed here.",
            count(total - ITEMS_SHOWN)
        )
    })
}

/// Which rows of a list of `len` entries to draw: the first `first` ones, then up to
/// [`ITEMS_SHOWN`] of the `flagged` ones (in order) after them, so a refused entry far down a
/// long list is still shown with its message. Returns the rows and how many flagged rows did not
/// fit.
pub fn rows(len: usize, first: usize, flagged: &[usize]) -> (Vec<usize>, usize) {
    let first = first.min(len);
    let mut rows: Vec<usize> = (0..first).collect();
    let later: Vec<usize> = flagged
        .iter()
        .copied()
        .filter(|&i| i >= first && i < len)
        .collect();
    let fit = later.len().min(ITEMS_SHOWN);
    rows.extend_from_slice(&later[..fit]);
    (rows, later.len() - fit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_import_field_keeps_an_editable_paste_whole_and_shows_the_start_of_a_longer_one() {
        let line = "    \"20.10.0.1/32\",\n";
        let editable = line.repeat(FIELD_SHOWN / line.len());
        assert_eq!(import_field(&editable), (editable.as_str(), None));
        let long = line.repeat(FIELD_SHOWN / line.len() + 1);
        let (shown, note) = import_field(&long);
        assert!(shown.len() <= FIELD_PREVIEW && shown.len() > FIELD_PREVIEW - line.len());
        assert!(long.starts_with(shown) && shown.ends_with('\n'));
        let note = note.expect("a note for the left-out part");
        assert!(
            note.contains(&format!("the whole text has {}", count(long.len()))),
            "{note}"
        );
    }

    #[test]
    fn counts_take_a_comma_every_three_digits() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(2_000), "2,000");
        assert_eq!(count(4_530_314), "4,530,314");
    }

    #[test]
    fn a_text_that_fits_is_shown_whole() {
        let full = "x".repeat(TEXT_SHOWN);
        assert_eq!(text(&full), (full.as_str(), None));
    }

    #[test]
    fn a_long_text_is_cut_at_a_line_end_and_says_how_much_is_left_out() {
        let line = "  \"20.0.0.0/24\",\n";
        let full = line.repeat(20_000);
        let (shown, note) = text(&full);
        assert!(shown.len() <= TEXT_SHOWN && shown.len() > TEXT_SHOWN - line.len());
        assert!(shown.ends_with('\n') && full.starts_with(shown));
        let left = full.len() - shown.len();
        assert_eq!(
            note.as_deref(),
            Some(
                format!(
                    "… {} more characters are not shown here (the whole text has 340,000).",
                    count(left)
                )
                .as_str()
            )
        );
    }

    #[test]
    fn a_long_line_of_wide_characters_is_cut_on_a_character_boundary() {
        let full = "é".repeat(TEXT_SHOWN);
        let (shown, note) = text(&full);
        assert_eq!(shown.chars().count(), TEXT_SHOWN / 2);
        assert!(note
            .unwrap()
            .contains(&format!("the whole text has {}", count(TEXT_SHOWN))));
    }

    #[test]
    fn a_long_link_in_a_sentence_is_cut_after_its_start() {
        assert_eq!(start("mode=public", 20), "mode=public");
        assert_eq!(start("mode=authorized", 4), "mode… (15 characters in all)");
        assert_eq!(start("ééé", 2), "éé… (3 characters in all)");
    }

    #[test]
    fn texts_quote_the_start_of_an_entry_no_range_could_be() {
        assert_eq!(ranges_for_texts("1.1.1.1/32,2.2.2.0/24"), None);
        let padded = format!(
            "1.1.1.1/32,{}3.3.3.3/32{}",
            " ".repeat(300),
            " ".repeat(300)
        );
        assert_eq!(
            ranges_for_texts(&padded),
            None,
            "a valid entry, once trimmed"
        );
        let long = "é".repeat(300);
        let quoted = ranges_for_texts(&format!("1.1.1.1/32, {long} ,2.2.2.2/32")).unwrap();
        assert_eq!(
            quoted,
            format!("1.1.1.1/32,{}…[300 characters],2.2.2.2/32", "é".repeat(64))
        );
        assert_eq!(quoted.split(',').count(), 3);
    }

    #[test]
    fn long_lists_end_with_the_count_of_the_rest() {
        assert_eq!(more_items(ITEMS_SHOWN, "messages"), None);
        assert_eq!(
            more_items(300_000, "messages").as_deref(),
            Some("… and 299,950 more messages, not listed here.")
        );
    }

    #[test]
    fn rows_are_the_first_ones_then_the_flagged_ones_further_down() {
        assert_eq!(rows(3, 50, &[1]), (vec![0, 1, 2], 0));
        assert_eq!(rows(1_000, 2, &[1, 7, 900]), (vec![0, 1, 7, 900], 0));
        let flagged: Vec<usize> = (10..300_000).collect();
        let (shown, unlisted) = rows(300_000, 5, &flagged);
        assert_eq!(shown.len(), 5 + ITEMS_SHOWN);
        assert_eq!(shown[5], 10);
        assert_eq!(unlisted, 300_000 - 10 - ITEMS_SHOWN);
        assert_eq!(rows(0, 50, &[]), (vec![], 0));
    }
}
