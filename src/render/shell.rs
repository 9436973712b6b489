//! Shell quoting for the command lines the page offers to copy.
//!
//! Readers paste these lines into bash, so any value that is not plainly safe is quoted: an
//! authorized-ranges list typed with spaces, or an empty list (`""`, the documented way to
//! clear the ranges), must reach az as one argument.

/// Characters that never need quoting in bash.
fn is_safe(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.' | b'_' | b'/' | b',' | b':' | b'=' | b'@' | b'%' | b'+'
        )
}

/// Quotes `value` for bash: bare when safe, `""` when empty (the form Microsoft's docs use to
/// clear authorized ranges), otherwise single quotes with `'` written as `'\''`.
pub fn quote(value: &str) -> String {
    if value.is_empty() {
        return "\"\"".to_string();
    }
    if value.bytes().all(is_safe) {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if c == '\'' {
            out.push_str("'\\''");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn safe_values_stay_bare() {
        assert_eq!(quote("1.1.1.1/32,2.2.2.0/24"), "1.1.1.1/32,2.2.2.0/24");
        assert_eq!(
            quote("/subscriptions/x/resourceGroups/rg"),
            "/subscriptions/x/resourceGroups/rg"
        );
    }

    #[test]
    fn empty_is_two_double_quotes() {
        assert_eq!(quote(""), "\"\"");
    }

    #[test]
    fn spaces_and_quotes_are_single_quoted() {
        assert_eq!(quote("1.1.1.1, 2.2.2.2"), "'1.1.1.1, 2.2.2.2'");
        assert_eq!(quote("a'b"), "'a'\\''b'");
        assert_eq!(quote("$(rm -rf /)"), "'$(rm -rf /)'");
    }
}
