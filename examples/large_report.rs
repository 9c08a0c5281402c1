//! Writes the benchmark report (300 items, about 60,000 words) as a draft
//! file, for `./dev bench`: `cargo run --release --example large_report -- out.baocao.json`;
//! a path ending in `.txt` gets the report as plain text instead (what a
//! user pastes or opens from an old report), for the text import bench.

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "large.baocao.json".to_owned());
    let report = baocao::large_report::benchmark_report();
    let content = if path.ends_with(".txt") {
        baocao::export::plain_text(&report)
    } else {
        baocao::persist::Envelope::new("bench", report, 0.0).to_json()
    };
    if let Err(error) = std::fs::write(&path, content) {
        eprintln!("cannot write {path}: {error}");
        std::process::exit(1);
    }
}
