//! How many times each component has rendered, counted in debug builds only (the browser tests
//! read it; a release build compiles [`rendered`] to nothing). It is how the tests prove that an
//! animation tick re-renders what shows the step (timeline, diagram, terminal, share link) and
//! leaves the settings panel, the import box, the inspector and the waterfall alone: those
//! receive the same props on a tick, and Yew skips a component whose props compare equal.

#[cfg(debug_assertions)]
thread_local! {
    static COUNTS: std::cell::RefCell<Vec<(&'static str, u32)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Counts one render of `component` (debug builds only).
#[inline]
pub fn rendered(component: &'static str) {
    #[cfg(debug_assertions)]
    COUNTS.with(|c| {
        let mut c = c.borrow_mut();
        match c.iter_mut().find(|(name, _)| *name == component) {
            Some((_, n)) => *n += 1,
            None => c.push((component, 1)),
        }
    });
    #[cfg(not(debug_assertions))]
    let _ = component;
}

/// How many times `component` has rendered on this thread (always 0 in a release build).
pub fn renders(component: &str) -> u32 {
    #[cfg(debug_assertions)]
    {
        COUNTS.with(|c| {
            c.borrow()
                .iter()
                .find(|(name, _)| *name == component)
                .map_or(0, |(_, n)| *n)
        })
    }
    #[cfg(not(debug_assertions))]
    {
        let _ = component;
        0
    }
}

#[cfg(all(test, debug_assertions))]
mod tests {
    use super::*;

    #[test]
    fn each_component_has_its_own_count() {
        assert_eq!(renders("counted-only-here"), 0);
        rendered("counted-only-here");
        rendered("counted-only-here");
        rendered("another-one-here");
        assert_eq!(renders("counted-only-here"), 2);
        assert_eq!(renders("another-one-here"), 1);
    }
}
