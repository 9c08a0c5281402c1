//! Native benchmarks of the pure core on the benchmark report (300 items,
//! about 60,000 words): a keystroke's edit, serialisation both ways, every
//! export, and both imports. `./dev bench` runs them and folds the figures
//! into its table.

// The benches are native only; the wasm32 build (clippy for both targets)
// sees an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::core);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, criterion_group, Criterion};

    use baocao::edit::{Edit, History};
    use baocao::large_report::benchmark_report;
    use baocao::model::Block;
    use baocao::persist::Envelope;

    /// The id of the first paragraph of the last item, where the bench types.
    fn last_paragraph(document: &baocao::model::Document) -> u64 {
        let item = document
            .sections
            .last()
            .and_then(|part| part.children.last())
            .expect("the report has items");
        match item.blocks.first() {
            Some(Block::Paragraph(paragraph)) => paragraph.id,
            _ => panic!("the last item starts with a paragraph"),
        }
    }

    fn benches(c: &mut Criterion) {
        let document = benchmark_report();
        let node = last_paragraph(&document);
        let mut envelope = Envelope::new("bench", document.clone(), 0.0);
        let json = envelope.to_json();
        let text = baocao::export::plain_text(&document);

        c.bench_function(
            "edit: one keystroke in the last section (with undo history)",
            |b| {
                let mut history = History::new(document.clone());
                let mut typed = String::from("Đoạn văn");
                let mut now = 0.0;
                b.iter(|| {
                    typed.push('a');
                    now += 50.0;
                    history
                        .apply(
                            &Edit::SetText {
                                node,
                                text: typed.clone(),
                            },
                            now,
                        )
                        .unwrap();
                });
            },
        );
        c.bench_function("serialize: draft to JSON", |b| {
            b.iter(|| black_box(envelope.to_json()))
        });
        c.bench_function("serialize: JSON to draft", |b| {
            b.iter(|| black_box(serde_json::from_str::<Envelope>(&json).unwrap()))
        });
        c.bench_function("export: DOCX", |b| {
            b.iter(|| black_box(baocao::docx::docx(&document)))
        });
        c.bench_function("export: HTML", |b| {
            b.iter(|| {
                let mut envelope = envelope.clone();
                black_box(baocao::export::html(&mut envelope))
            })
        });
        c.bench_function("export: Markdown", |b| {
            b.iter(|| black_box(baocao::export::markdown(&document)))
        });
        c.bench_function("export: plain text", |b| {
            b.iter(|| black_box(baocao::export::plain_text(&document)))
        });
        c.bench_function("import: JSON draft file", |b| {
            b.iter(|| black_box(baocao::transfer::read_file(json.as_bytes()).unwrap()))
        });
        c.bench_function("import: report as text", |b| {
            b.iter(|| black_box(baocao::import_text::read_text(&text)))
        });
    }

    criterion_group! {
        name = core;
        config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
        targets = benches
    }
}
