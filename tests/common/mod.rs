//! What the native test files share: the expected-outcomes table (`tests/data/outcomes.json`,
//! the one copy the page-level tests read too).
// Each test file uses the part of the table it checks.
#![allow(dead_code)]

use serde::Deserialize;

/// One cell of docs/model.md section 5.
#[derive(Deserialize)]
pub struct Cell {
    pub row: String,
    pub fragment: String,
    pub outcome: String,
    pub dns_answer: String,
    pub tunnel: String,
    pub node: String,
    pub blocked_at: Option<String>,
    pub egress_via: Option<String>,
}

#[derive(Deserialize)]
struct Table {
    cells: Vec<Cell>,
}

/// Every cell of the table.
pub fn cells() -> Vec<Cell> {
    let table: Table = serde_json::from_str(include_str!("../data/outcomes.json"))
        .expect("the outcomes table is valid JSON");
    table.cells
}
