//! Where the printed pages break, worked out from the preview's measured
//! blocks with the rules Chromium applies when it prints the same sheet:
//! no line of a paragraph alone at a page's top or bottom (`orphans` and
//! `widows` 2), headings and the title block kept with what follows
//! (`break-after: avoid`), blocks that are never split (the header,
//! the closing, a table's row; `break-inside: avoid`), and blocks that
//! start a new page (an appendix; `break-before: page`). The shell measures, this decides,
//! and the preview draws the page marks where it says.

/// One block of the sheet, measured at 100 % scale from the top of the
/// first page's text area, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Block {
    pub top: f32,
    pub height: f32,
    /// How many lines of `pitch` it holds (1 for a block never split).
    pub lines: u32,
    pub pitch: f32,
    /// Kept on the same page as the block that follows.
    pub keep_with_next: bool,
    /// Never split over two pages.
    pub no_split: bool,
    /// Starts a new page (an appendix).
    pub break_before: bool,
    /// With `break_before`: the height of the pages from here on, when
    /// they are not the others' (a landscape appendix); 0 keeps the
    /// document's.
    pub page_height: f32,
    /// The height of the header rows the print repeats above this block
    /// when it opens a page (a table's body row; `thead` is a header
    /// group): that page has this much less room. 0 for other blocks.
    pub repeat_height: f32,
}

/// A page break: the next page starts with line `lines_before` of block
/// `block` (0 when the whole block moves), at `at` on the sheet.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Break {
    pub block: usize,
    pub lines_before: u32,
    pub at: f32,
}

/// No line alone at a page's top or bottom.
const ORPHANS: u32 = 2;
const WIDOWS: u32 = 2;

/// Room for rounding: Chromium lays out in 1/64 px.
const SLACK: f32 = 0.1;

/// The page breaks of `blocks` (in document order) on pages whose text
/// area is `page_height` tall.
pub fn page_breaks(blocks: &[Block], document_page_height: f32) -> Vec<Break> {
    let mut breaks = Vec::new();
    if document_page_height <= 0.0 {
        return breaks;
    }
    let mut page_height = document_page_height;
    let mut page_start = blocks.first().map_or(0.0, |block| block.top);
    // The room the repeated header of a table takes at the current
    // page's top.
    let mut reserved = 0.0;
    let mut index = 0;
    while index < blocks.len() {
        let block = blocks[index];
        if block.break_before {
            page_height = if block.page_height > 0.0 {
                block.page_height
            } else {
                document_page_height
            };
            if index > 0 && block.top > page_start + SLACK {
                breaks.push(Break {
                    block: index,
                    lines_before: 0,
                    at: block.top,
                });
                reserved = blocks[index].repeat_height;
                page_start = block.top;
            }
        }
        let page_end = page_start + page_height - reserved;
        if block.top + block.height <= page_end + SLACK {
            index += 1;
            continue;
        }
        let first_on_page = block.top <= page_start + SLACK;
        let splittable = !block.no_split && block.lines > 1 && block.pitch > 0.0;
        // Lines before `page_start` are on earlier pages already.
        let done = if splittable && block.top < page_start {
            ((page_start - block.top) / block.pitch + SLACK / block.pitch).round() as u32
        } else {
            0
        };
        if splittable {
            let fit = (((page_end - block.top) / block.pitch) + SLACK / block.pitch).floor() as u32;
            let fit_here = fit.saturating_sub(done);
            let rest = block.lines.saturating_sub(fit);
            if fit_here >= block.lines - done {
                index += 1;
                continue;
            }
            // Widows: move lines down so that at least two follow.
            let mut cut = fit;
            if rest < WIDOWS {
                cut = block.lines.saturating_sub(WIDOWS);
            }
            let here = cut.saturating_sub(done);
            if here >= ORPHANS || (first_on_page && here >= 1) {
                let at = block.top + cut as f32 * block.pitch;
                breaks.push(Break {
                    block: index,
                    lines_before: cut,
                    at,
                });
                reserved = 0.0;
                page_start = at;
                continue;
            }
            if first_on_page {
                // Too few lines fit even on a page of its own: break
                // where the page ends.
                let cut = fit.max(done + 1);
                let at = block.top + cut as f32 * block.pitch;
                breaks.push(Break {
                    block: index,
                    lines_before: cut,
                    at,
                });
                reserved = 0.0;
                page_start = at;
                continue;
            }
        }
        if first_on_page {
            // A block taller than a page that may not be split: it runs
            // over, and the next page starts after it.
            index += 1;
            if let Some(next) = blocks.get(index) {
                breaks.push(Break {
                    block: index,
                    lines_before: 0,
                    at: next.top,
                });
                reserved = blocks[index].repeat_height;
                page_start = next.top;
            }
            continue;
        }
        // The whole block moves, with the blocks kept with it.
        let mut start = index;
        while start > 0
            && blocks[start - 1].keep_with_next
            && blocks[start - 1].top > page_start + SLACK
        {
            start -= 1;
        }
        let at = blocks[start].top;
        breaks.push(Break {
            block: start,
            lines_before: 0,
            at,
        });
        reserved = blocks[start].repeat_height;
        page_start = at;
        index = start;
    }
    breaks
}

/// Where `at`, a place on the sheet as measured with every part at its
/// printed size, stands on the sheet as shown, where each landscape
/// appendix (from a block with its own `page_height` up to the next
/// block that starts a page) is scaled by `zoom` to fit the text column.
pub fn shown_at(blocks: &[Block], at: f32, zoom: f32) -> f32 {
    let mut shift = 0.0;
    let mut index = 0;
    while index < blocks.len() {
        let block = blocks[index];
        index += 1;
        if !(block.break_before && block.page_height > 0.0) {
            continue;
        }
        let start = block.top;
        let mut end = block.top + block.height;
        while index < blocks.len() && !blocks[index].break_before {
            end = end.max(blocks[index].top + blocks[index].height);
            index += 1;
        }
        if at <= start {
            break;
        }
        if at < end {
            return start - shift + (at - start) * zoom;
        }
        shift += (end - start) * (1.0 - zoom);
    }
    at - shift
}

#[cfg(test)]
mod tests {
    use super::*;

    const PITCH: f32 = 22.0;

    fn paragraph(top: f32, lines: u32) -> Block {
        Block {
            top,
            height: lines as f32 * PITCH,
            lines,
            pitch: PITCH,
            keep_with_next: false,
            no_split: false,
            break_before: false,
            page_height: 0.0,
            repeat_height: 0.0,
        }
    }

    fn heading(top: f32) -> Block {
        Block {
            keep_with_next: true,
            no_split: true,
            ..paragraph(top, 1)
        }
    }

    /// Blocks one under the other, each `gap` below the one before.
    fn stack(mut blocks: Vec<Block>, gap: f32) -> Vec<Block> {
        let mut top = 0.0;
        for block in &mut blocks {
            block.top = top;
            top += block.height + gap;
        }
        blocks
    }

    #[test]
    fn blocks_that_fit_make_one_page() {
        let blocks = stack(vec![paragraph(0.0, 3), paragraph(0.0, 4)], 6.0);
        assert_eq!(page_breaks(&blocks, 10.0 * PITCH), vec![]);
        assert_eq!(page_breaks(&[], 10.0 * PITCH), vec![]);
    }

    #[test]
    fn a_paragraph_breaks_at_the_last_whole_line_that_fits() {
        // 10 lines on a page of 6: 6 then 4.
        let blocks = [paragraph(0.0, 10)];
        assert_eq!(
            page_breaks(&blocks, 6.5 * PITCH),
            vec![Break {
                block: 0,
                lines_before: 6,
                at: 6.0 * PITCH
            }]
        );
        // 25 lines on pages of 10: three pages.
        let breaks = page_breaks(&[paragraph(0.0, 25)], 10.0 * PITCH);
        let cuts: Vec<u32> = breaks.iter().map(|b| b.lines_before).collect();
        assert_eq!(cuts, vec![10, 20]);
    }

    #[test]
    fn no_line_is_left_alone_at_a_page_s_top_or_bottom() {
        // Widows: 7 lines where 6 fit leave 5 and carry 2.
        let blocks = stack(vec![paragraph(0.0, 7)], 0.0);
        assert_eq!(page_breaks(&blocks, 6.0 * PITCH)[0].lines_before, 5);
        // Orphans: one line would fit under the first paragraph; the second
        // paragraph moves whole.
        let blocks = stack(vec![paragraph(0.0, 5), paragraph(0.0, 4)], 0.0);
        assert_eq!(
            page_breaks(&blocks, 6.0 * PITCH),
            vec![Break {
                block: 1,
                lines_before: 0,
                at: 5.0 * PITCH
            }]
        );
        // Two lines fit: they stay.
        let blocks = stack(vec![paragraph(0.0, 4), paragraph(0.0, 4)], 0.0);
        assert_eq!(page_breaks(&blocks, 6.0 * PITCH)[0].lines_before, 2);
    }

    #[test]
    fn a_heading_goes_to_the_next_page_with_what_follows() {
        let blocks = stack(
            vec![
                paragraph(0.0, 4),
                heading(0.0),
                heading(0.0),
                paragraph(0.0, 3),
            ],
            0.0,
        );
        // The paragraph cannot split 1 + 2: it moves, and both headings
        // with it.
        assert_eq!(
            page_breaks(&blocks, 7.0 * PITCH),
            vec![Break {
                block: 1,
                lines_before: 0,
                at: 4.0 * PITCH
            }]
        );
    }

    #[test]
    fn a_block_never_split_moves_whole_and_one_taller_than_a_page_runs_over() {
        let closing = Block {
            no_split: true,
            lines: 1,
            ..paragraph(0.0, 5)
        };
        let blocks = stack(vec![paragraph(0.0, 4), closing], 0.0);
        assert_eq!(
            page_breaks(&blocks, 6.0 * PITCH),
            vec![Break {
                block: 1,
                lines_before: 0,
                at: 4.0 * PITCH
            }]
        );
        let tall = Block {
            no_split: true,
            ..paragraph(0.0, 9)
        };
        let blocks = stack(vec![tall, paragraph(0.0, 2)], 0.0);
        assert_eq!(
            page_breaks(&blocks, 6.0 * PITCH),
            vec![Break {
                block: 1,
                lines_before: 0,
                at: 9.0 * PITCH
            }]
        );
    }

    #[test]
    fn an_appendix_starts_a_new_page() {
        let appendix = Block {
            break_before: true,
            ..heading(0.0)
        };
        let blocks = stack(vec![paragraph(0.0, 2), appendix, paragraph(0.0, 2)], 0.0);
        assert_eq!(
            page_breaks(&blocks, 10.0 * PITCH),
            vec![Break {
                block: 1,
                lines_before: 0,
                at: 2.0 * PITCH
            }]
        );
        // Already at a page's top: no empty page.
        let blocks = stack(vec![appendix, paragraph(0.0, 2)], 0.0);
        assert_eq!(page_breaks(&blocks, 10.0 * PITCH), vec![]);
        // A landscape appendix's pages are 6 lines tall, then a portrait
        // one's 10 again.
        let landscape = Block {
            page_height: 6.0 * PITCH,
            ..appendix
        };
        let blocks = stack(
            vec![landscape, paragraph(0.0, 9), appendix, paragraph(0.0, 9)],
            0.0,
        );
        let at: Vec<f32> = page_breaks(&blocks, 10.0 * PITCH)
            .iter()
            .map(|b| b.at / PITCH)
            .collect();
        assert_eq!(at, vec![6.0, 10.0]);
    }

    #[test]
    fn a_landscape_appendix_s_marks_are_scaled_with_it() {
        let appendix = Block {
            break_before: true,
            ..heading(0.0)
        };
        let landscape = Block {
            page_height: 6.0 * PITCH,
            ..appendix
        };
        // Body 0–2, a landscape appendix 2–12 (shown at half size, 2–7),
        // a portrait one 12–14 (shown at 7–9).
        let blocks = stack(
            vec![
                paragraph(0.0, 2),
                landscape,
                paragraph(0.0, 9),
                appendix,
                paragraph(0.0, 1),
            ],
            0.0,
        );
        let shown = |at: f32| shown_at(&blocks, at * PITCH, 0.5) / PITCH;
        assert_eq!(shown(1.0), 1.0);
        assert_eq!(shown(2.0), 2.0);
        assert_eq!(shown(8.0), 5.0);
        assert_eq!(shown(12.0), 7.0);
        assert_eq!(shown(13.0), 8.0);
    }

    #[test]
    fn a_table_breaks_between_rows_with_its_header_kept_on() {
        // Caption and header rows kept with the first row; rows never
        // split: a 2-line row that does not fit moves whole.
        let caption = heading(0.0);
        let head = heading(0.0);
        let row = |lines| Block {
            no_split: true,
            ..paragraph(0.0, lines)
        };
        let blocks = stack(
            vec![paragraph(0.0, 5), caption, head, row(1), row(2), row(1)],
            0.0,
        );
        // Page of 9 lines: 5 + caption + head + row = 8, the 2-line row
        // does not fit and moves.
        assert_eq!(
            page_breaks(&blocks, 9.0 * PITCH),
            vec![Break {
                block: 4,
                lines_before: 0,
                at: 8.0 * PITCH
            }]
        );
        // Page of 7: the first row does not fit; it moves with the
        // caption and header.
        assert_eq!(
            page_breaks(&blocks, 7.5 * PITCH)[0],
            Break {
                block: 1,
                lines_before: 0,
                at: 5.0 * PITCH
            }
        );
    }

    #[test]
    fn a_table_s_repeated_header_takes_room_on_the_pages_it_goes_on_to() {
        // A header of 2 lines, then rows of 1 line each that repeat it.
        let head = heading(0.0);
        let row = Block {
            no_split: true,
            repeat_height: 2.0 * PITCH,
            ..paragraph(0.0, 1)
        };
        let mut blocks = vec![head, head];
        blocks.extend(std::iter::repeat_n(row, 20));
        let blocks = stack(blocks, 0.0);
        let breaks = page_breaks(&blocks, 10.0 * PITCH);
        // Page 1: the header and 8 rows; then 8 rows under the repeated
        // header on each page.
        let firsts: Vec<usize> = breaks.iter().map(|b| b.block).collect();
        assert_eq!(firsts, vec![10, 18]);
    }

    #[test]
    fn margins_between_blocks_count_but_not_at_a_page_s_end() {
        // Two 3-line paragraphs 10 px apart on a page of exactly 6 lines
        // and 10 px: one page; 1 px less, the second paragraph's last line
        // does not fit, and 2 + 1 would leave a widow: it moves whole.
        let blocks = stack(vec![paragraph(0.0, 3), paragraph(0.0, 3)], 10.0);
        assert_eq!(page_breaks(&blocks, 6.0 * PITCH + 10.0), vec![]);
        assert_eq!(
            page_breaks(&blocks, 6.0 * PITCH + 9.0),
            vec![Break {
                block: 1,
                lines_before: 0,
                at: 3.0 * PITCH + 10.0
            }]
        );
    }
}
