//! Writes the benchmark report (300 items, about 60,000 words) as a draft
//! file, for `./dev bench`: `cargo run --release --example large_report -- out.baocao.json`.

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "large.baocao.json".to_owned());
    let mut envelope =
        baocao::persist::Envelope::new("bench", baocao::large_report::benchmark_report(), 0.0);
    if let Err(error) = std::fs::write(&path, envelope.to_json()) {
        eprintln!("cannot write {path}: {error}");
        std::process::exit(1);
    }
}
