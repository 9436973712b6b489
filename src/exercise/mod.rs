//! Workshop exercises: a starting scenario, goals stated as outcomes over several clients, and
//! settings that must keep their starting value. The exercises are data (`www/exercises.json`,
//! which an instructor extends without writing Rust); the checker runs the model on the
//! attendee's scenario, so any correct solution passes and nothing is compared against a stored
//! answer.
//!
//! Sits beside `render`: it reads fragments (`link`) and runs the simulator (`model`).

mod catalogue;
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod instructor;
mod search;

pub use catalogue::{catalogue, parse_catalogue, DnsKind, Exercise, Goal, KEEPABLE};
pub use check::{check, setting_value, shown_value, Check, GoalCheck, KeptCheck};
#[cfg(not(target_arch = "wasm32"))]
pub use instructor::{attendee_link, embed_link, grader_command, instructor_page, solution_link};
pub use search::{find_solution, setting_space};
