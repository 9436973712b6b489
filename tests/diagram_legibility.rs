//! The network diagram stays legible in every scenario of the outcomes table, at every step and
//! in every layout: no two texts overlap, no line crosses a box or a text that is not its own,
//! nothing leaves the canvas, and no text renders under 12 px at the narrowest width its layout
//! is used for.
#![cfg(not(target_arch = "wasm32"))]

use aks_netviz::link;
use aks_netviz::model::simulate;
use aks_netviz::ui::diagram::check::check;
use aks_netviz::ui::diagram::scene::scene;
use aks_netviz::ui::network::{layout, LayoutKind};
mod common;

#[test]
fn every_scenario_step_and_width_is_legible() {
    let mut problems = Vec::new();
    for cell in &common::cells() {
        let s = link::parse_strict(&cell.fragment).unwrap().scenario;
        let trace = simulate(&s);
        for kind in LayoutKind::ALL {
            let sc = scene(layout(&s, kind), &trace);
            assert_eq!(
                sc.routes.len(),
                trace.events.len(),
                "{}: one route per event",
                cell.fragment
            );
            for shown in 0..=trace.events.len() {
                let r = check(&sc, &trace, shown);
                assert!(r.min_text_px >= 12.0, "{kind:?}: {} px", r.min_text_px);
                for p in r.overlaps.iter().chain(&r.crossings).chain(&r.outside) {
                    problems.push(format!(
                        "{} [{}] step {shown}: {p}",
                        cell.fragment,
                        kind.as_str()
                    ));
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} problems, e.g.:\n{}",
        problems.len(),
        problems[..problems.len().min(40)].join("\n")
    );
}

/// Every line between two places is routed (an unrouted line would pass every check).
#[test]
fn every_line_is_routed_orthogonally() {
    let mut missing = Vec::new();
    for cell in &common::cells() {
        let s = link::parse_strict(&cell.fragment).unwrap().scenario;
        let trace = simulate(&s);
        for kind in LayoutKind::ALL {
            let sc = scene(layout(&s, kind), &trace);
            for (i, (e, r)) in trace.events.iter().zip(&sc.routes).enumerate() {
                if e.from != e.to && r.points.len() < 2 {
                    missing.push(format!(
                        "{} [{}] event {i} {}→{}",
                        cell.fragment,
                        kind.as_str(),
                        e.from,
                        e.to
                    ));
                }
                for w in r.points.windows(2).chain(r.through.windows(2)) {
                    assert!(
                        (w[0].x - w[1].x).abs() < 0.01 || (w[0].y - w[1].y).abs() < 0.01,
                        "{} [{}] event {i}: diagonal segment",
                        cell.fragment,
                        kind.as_str()
                    );
                }
            }
            for (z, pts) in sc.layout.zone_links.iter().zip(&sc.links) {
                if pts.len() < 2 {
                    missing.push(format!(
                        "{} [{}] zone link to {}",
                        cell.fragment,
                        kind.as_str(),
                        z.to_area
                    ));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} unrouted, e.g.:\n{}",
        missing.len(),
        missing[..missing.len().min(20)].join("\n")
    );
}

/// The check itself sees what it is for: a line cut straight across the picture, a text moved
/// onto another, a box pushed off the canvas.
#[test]
fn the_check_catches_collisions() {
    let s = link::parse_strict("mode=private&client=onprem")
        .unwrap()
        .scenario;
    let trace = simulate(&s);
    let clean = scene(layout(&s, LayoutKind::Wide), &trace);
    assert!(check(&clean, &trace, trace.events.len()).is_clean());
    let mut bad = clean.clone();
    let (a, b) = (
        bad.canvas,
        bad.routes
            .iter()
            .position(|r| !r.points.is_empty())
            .unwrap(),
    );
    bad.routes[b].points = vec![
        aks_netviz::ui::geometry::Point::new(a.x + 1.0, a.y + 1.0),
        aks_netviz::ui::geometry::Point::new(a.right() - 1.0, bad.layout.bottom - 1.0),
    ];
    assert!(!check(&bad, &trace, trace.events.len()).crossings.is_empty());
    let mut bad = clean.clone();
    let other = bad.layout.spots[1].lines[0].clone();
    bad.layout.spots[0].lines[0].x = other.x;
    bad.layout.spots[0].lines[0].y = other.y;
    assert!(!check(&bad, &trace, 0).overlaps.is_empty());
    let mut bad = clean;
    bad.layout.spots[0].rect.x = -50.0;
    assert!(!check(&bad, &trace, 0).outside.is_empty());
}
