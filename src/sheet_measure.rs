//! The preview's measured blocks, kept between measures so that a pause in
//! typing measures again only the box of the sheet that changed.
//!
//! A full measure lays out the whole sheet (every part at its real size)
//! and reads every block: on a 300-item report, two style passes over the
//! whole sheet and thousands of reads, about 80 ms at each pause. Typing
//! changes the text of one item; the sheet is one column of boxes, so when
//! an item's box grows by some height, every block after it moves down by
//! that height and nothing before it moves. `SheetMeasure` keeps the last
//! measure as runs of blocks, one run per box that can be measured alone
//! (an item of a part, `unit`) and runs of the blocks that cannot (the
//! header, a part's own lines, the closing); measuring one box again puts
//! its blocks in place and moves the runs after it.
//!
//! The shell decides when a full measure is due: first, and after any
//! change outside the boxes that can be measured alone (a part's heading,
//! the frame, the page settings, a section added or removed).

/// One block of the sheet as measured: its top and height in CSS pixels at
/// 100 % scale (from the top of the sheet's text area, or from the top of
/// its box in `SheetMeasure::replace`), its classes and whether it is a
/// table.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasuredBlock {
    pub top: f32,
    pub height: f32,
    pub class: String,
    pub table: bool,
}

/// Blocks that follow one another in the sheet and belong to the same box:
/// `unit` is the box's index among the boxes that can be measured alone,
/// `None` for blocks outside them. `top` and `height` are the box's.
#[derive(Clone, Debug, PartialEq)]
struct Run {
    unit: Option<usize>,
    top: f32,
    height: f32,
    blocks: Vec<MeasuredBlock>,
}

/// The sheet's blocks from the last measure, with the boxes they are in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SheetMeasure {
    runs: Vec<Run>,
}

/// A box that can be measured alone, as a full measure found it: its top
/// (from the top of the sheet's text area) and its height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitBox {
    pub top: f32,
    pub height: f32,
}

impl SheetMeasure {
    /// The sheet as a full measure found it: `blocks` in document order,
    /// each with the index of the box it is in (`None` outside the boxes),
    /// and the boxes by index. A block naming a box that is not in `units`
    /// is taken as outside the boxes.
    pub fn new(blocks: Vec<(Option<usize>, MeasuredBlock)>, units: &[UnitBox]) -> SheetMeasure {
        let mut runs: Vec<Run> = Vec::new();
        for (unit, block) in blocks {
            let unit = unit.filter(|&index| index < units.len());
            match runs.last_mut() {
                Some(run) if run.unit == unit => run.blocks.push(block),
                _ => {
                    let (top, height) = unit.map_or((block.top, 0.0), |index| {
                        (units[index].top, units[index].height)
                    });
                    runs.push(Run {
                        unit,
                        top,
                        height,
                        blocks: vec![block],
                    });
                }
            }
        }
        // A box whose blocks were not all in one run cannot be replaced
        // as one: it is left out of the boxes.
        let mut seen = std::collections::HashSet::new();
        let split: Vec<usize> = runs
            .iter()
            .filter_map(|run| run.unit)
            .filter(|unit| !seen.insert(*unit))
            .collect();
        for run in &mut runs {
            if run.unit.is_some_and(|unit| split.contains(&unit)) {
                run.unit = None;
            }
        }
        SheetMeasure { runs }
    }

    /// Puts box `unit` as measured again in place: `height` its height,
    /// `blocks` with their tops from the box's top. Every block after the
    /// box moves by the change of its height. False, with nothing
    /// changed, when no run is that box's (it held no block at the last
    /// full measure): a full measure is then due.
    pub fn replace(&mut self, unit: usize, height: f32, blocks: Vec<MeasuredBlock>) -> bool {
        let Some(at) = self.runs.iter().position(|run| run.unit == Some(unit)) else {
            return false;
        };
        let run = &mut self.runs[at];
        let shift = height - run.height;
        let top = run.top;
        run.height = height;
        run.blocks = blocks
            .into_iter()
            .map(|block| MeasuredBlock {
                top: top + block.top,
                ..block
            })
            .collect();
        if shift != 0.0 {
            for run in &mut self.runs[at + 1..] {
                run.top += shift;
                for block in &mut run.blocks {
                    block.top += shift;
                }
            }
        }
        true
    }

    /// Whether box `unit` holds blocks here (and so can be replaced).
    pub fn has_unit(&self, unit: usize) -> bool {
        self.runs.iter().any(|run| run.unit == Some(unit))
    }

    /// Every block of the sheet, in document order.
    pub fn blocks(&self) -> Vec<MeasuredBlock> {
        self.runs
            .iter()
            .flat_map(|run| run.blocks.iter().cloned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(top: f32, height: f32, class: &str) -> MeasuredBlock {
        MeasuredBlock {
            top,
            height,
            class: class.to_owned(),
            table: false,
        }
    }

    /// A header line, a part's heading, two items of two lines each, the
    /// closing: as a full measure of the sheet finds them.
    fn sheet() -> SheetMeasure {
        SheetMeasure::new(
            vec![
                (None, block(0.0, 20.0, "doc-frame")),
                (None, block(20.0, 20.0, "doc-part")),
                (Some(0), block(40.0, 20.0, "doc-item")),
                (Some(0), block(60.0, 40.0, "doc-paragraph")),
                (Some(1), block(100.0, 20.0, "doc-item")),
                (Some(1), block(120.0, 40.0, "doc-paragraph")),
                (None, block(160.0, 60.0, "doc-closing")),
            ],
            &[
                UnitBox {
                    top: 40.0,
                    height: 60.0,
                },
                UnitBox {
                    top: 100.0,
                    height: 60.0,
                },
            ],
        )
    }

    fn tops(measure: &SheetMeasure) -> Vec<f32> {
        measure.blocks().iter().map(|block| block.top).collect()
    }

    #[test]
    fn a_full_measure_gives_its_blocks_back_as_found() {
        let measure = sheet();
        assert_eq!(
            tops(&measure),
            vec![0.0, 20.0, 40.0, 60.0, 100.0, 120.0, 160.0]
        );
        assert_eq!(measure.blocks()[6].class, "doc-closing");
    }

    #[test]
    fn a_box_that_grows_moves_every_block_after_it_and_none_before() {
        let mut measure = sheet();
        // The first item's paragraph now takes three lines.
        assert!(measure.replace(
            0,
            80.0,
            vec![
                block(0.0, 20.0, "doc-item"),
                block(20.0, 60.0, "doc-paragraph")
            ],
        ));
        assert_eq!(
            tops(&measure),
            vec![0.0, 20.0, 40.0, 60.0, 120.0, 140.0, 180.0]
        );
        assert_eq!(measure.blocks()[3].height, 60.0);
        // And shrinks again: measured again, it is as at first.
        assert!(measure.replace(
            0,
            60.0,
            vec![
                block(0.0, 20.0, "doc-item"),
                block(20.0, 40.0, "doc-paragraph")
            ],
        ));
        assert_eq!(measure, sheet());
    }

    #[test]
    fn the_last_box_changes_only_itself_and_the_closing() {
        let mut measure = sheet();
        assert!(measure.replace(
            1,
            40.0,
            vec![
                block(0.0, 20.0, "doc-item"),
                block(20.0, 20.0, "doc-paragraph")
            ],
        ));
        assert_eq!(
            tops(&measure),
            vec![0.0, 20.0, 40.0, 60.0, 100.0, 120.0, 140.0]
        );
    }

    #[test]
    fn a_box_may_gain_or_lose_blocks() {
        let mut measure = sheet();
        assert!(measure.replace(
            0,
            100.0,
            vec![
                block(0.0, 20.0, "doc-item"),
                block(20.0, 40.0, "doc-paragraph"),
                block(60.0, 40.0, "doc-paragraph"),
            ],
        ));
        assert_eq!(measure.blocks().len(), 8);
        assert_eq!(
            tops(&measure),
            vec![0.0, 20.0, 40.0, 60.0, 100.0, 140.0, 160.0, 200.0]
        );
    }

    #[test]
    fn a_box_unknown_or_empty_at_the_full_measure_asks_for_a_full_measure() {
        let mut measure = sheet();
        let before = measure.clone();
        assert!(!measure.replace(2, 40.0, vec![block(0.0, 20.0, "doc-item")]));
        assert_eq!(measure, before);
        assert!(!measure.has_unit(2));
        assert!(measure.has_unit(1));
        // A box named for blocks that are not together cannot be one run.
        let split = SheetMeasure::new(
            vec![
                (Some(0), block(0.0, 20.0, "doc-item")),
                (None, block(20.0, 20.0, "doc-part")),
                (Some(0), block(40.0, 20.0, "doc-item")),
            ],
            &[UnitBox {
                top: 0.0,
                height: 60.0,
            }],
        );
        assert!(!split.has_unit(0));
        // A box index past the boxes is outside them.
        let past = SheetMeasure::new(vec![(Some(5), block(0.0, 20.0, "doc-item"))], &[]);
        assert!(!past.has_unit(5));
        assert_eq!(past.blocks().len(), 1);
    }

    #[test]
    fn an_empty_sheet_has_no_blocks() {
        let mut measure = SheetMeasure::new(Vec::new(), &[]);
        assert!(measure.blocks().is_empty());
        assert!(!measure.replace(0, 10.0, Vec::new()));
    }
}
