//! The consolidated draft, built from a `Plan`: the outline's sections in
//! order, each holding the units' texts attributed to them, the units with
//! nothing to report on one line, assessment groups merged by label, the
//! tables summed; a last part for what matched nothing; each unit's own
//! text beside its section.

use crate::model::{
    Assessment, AssessmentLabel, BesideSource, BesideText, Block, Document, Meta, Ruleset, Section,
    SectionKind, Shared,
};

use super::tables::{self, Group};
use super::{blocks_cell, flatten, Breakdown, Cell, Flat, Note, Options, Plan, Target, Unit};

/// The heading of the last part, which holds the units' sections that
/// match no section of the outline.
pub const OTHER_CONTENT_HEADING: &str = "Nội dung khác của các đơn vị";

/// What is written after the names of units with nothing to report.
const NOTHING_TO_REPORT: &str = "không có.";

/// The consolidated draft and what the user should know of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Consolidated {
    pub document: Document,
    pub notes: Vec<Note>,
}

/// Builds the consolidated draft that `plan` describes (made by `plan`
/// with the same `units` and `options`).
pub fn consolidate(units: &[Unit], options: &Options, plan: &Plan) -> Consolidated {
    let names: Vec<&str> = units.iter().map(|unit| unit.name.as_str()).collect();
    let base: Document = match options
        .outline
        .as_ref()
        .or_else(|| plan.units.first().map(|&unit| &units[unit].document))
    {
        Some(document) => document.clone(),
        None => Document::default(),
    };
    let base_flat = flatten(&base);
    let flats: Vec<Option<Vec<Flat<'_>>>> = (0..units.len())
        .map(|unit| {
            plan.units
                .contains(&unit)
                .then(|| flatten(&units[unit].document))
        })
        .collect();
    let mut notes = Vec::new();

    // The units' sections sent to each outline row, unit by unit in order.
    let mut sent: Vec<Vec<(usize, Vec<Block>)>> = vec![Vec::new(); base_flat.len()];
    let mut other: Vec<(usize, usize)> = Vec::new();
    for &unit in &plan.units {
        let Some(flat) = &flats[unit] else { continue };
        for (at, target) in plan.targets[unit].iter().enumerate() {
            match target {
                Some(Target::Outline(row)) if *row < sent.len() => {
                    let blocks = super::own_blocks(flat[at].section, &base_flat[*row]);
                    match sent[*row].iter_mut().find(|(u, _)| *u == unit) {
                        Some((_, list)) => list.extend(blocks.iter().cloned()),
                        None => sent[*row].push((unit, blocks.into_owned())),
                    }
                }
                Some(_) => other.push((unit, at)),
                None => {}
            }
        }
    }
    let tables_by_row = tables::tables_by_row(&plan.units, &plan.targets, &flats, base_flat.len());

    // Each outline row's blocks and the units' texts beside it.
    let mut contents: Vec<Vec<Block>> = Vec::with_capacity(base_flat.len());
    let mut beside: Vec<Vec<BesideText>> = Vec::with_capacity(base_flat.len());
    for (row, from_units) in sent.iter().enumerate() {
        let reference = plan
            .outline
            .get(row)
            .map(|r| r.reference.as_str())
            .unwrap_or("");
        let (blocks, table_notes) = section_blocks(
            from_units,
            &tables_by_row[row],
            &names,
            reference,
            options.breakdown,
        );
        notes.extend(table_notes);
        contents.push(blocks);
        beside.push(
            from_units
                .iter()
                .filter_map(|(unit, blocks)| {
                    let blocks: Vec<Block> = blocks
                        .iter()
                        .filter(|block| !block.is_empty())
                        .cloned()
                        .collect();
                    (!blocks.is_empty()).then(|| BesideText {
                        section: 0,
                        source: BesideSource::Unit,
                        label: names[*unit].to_owned(),
                        blocks,
                        extra: Default::default(),
                    })
                })
                .collect(),
        );
    }

    // The sections, as the outline's, with the units' content.
    fn rebuild(list: &[Section], contents: &mut std::vec::IntoIter<Vec<Block>>) -> Vec<Section> {
        list.iter()
            .map(|section| {
                let blocks = contents.next().unwrap_or_default();
                Section {
                    id: 0,
                    heading: section.heading.clone(),
                    heading_locked: section.heading_locked,
                    guidance: section.guidance.clone(),
                    blocks: Shared::new(blocks),
                    children: rebuild(&section.children, contents),
                    kind: section.kind,
                    landscape: section.landscape,
                    extra: section.extra.clone(),
                }
            })
            .collect()
    }
    let mut sections = rebuild(&base.sections, &mut contents.into_iter());

    // What matched nothing, in a last part before the appendices.
    let (other_blocks, other_beside) = other_content(&other, &flats, &names);
    let other_at = if other_blocks.is_empty() {
        None
    } else {
        let at = sections
            .iter()
            .position(|section| section.kind == SectionKind::Appendix)
            .unwrap_or(sections.len());
        let kind = match at.checked_sub(1).map(|before| sections[before].kind) {
            Some(SectionKind::Division) => SectionKind::Division,
            _ => SectionKind::Numbered,
        };
        sections.insert(
            at,
            Section {
                heading: OTHER_CONTENT_HEADING.to_owned(),
                blocks: Shared::new(other_blocks),
                kind,
                ..Section::default()
            },
        );
        Some(at)
    };

    let preamble: Vec<Block> = plan
        .units
        .iter()
        .flat_map(|&unit| attributed(names[unit], &units[unit].document.preamble))
        .collect();

    let header = consolidating_body(
        base.meta.ruleset,
        plan.units.iter().map(|&unit| &units[unit].document.meta),
    );
    let closing = consolidating_closing(base.meta.ruleset, &header.1);
    let mut document = Document {
        title: consolidated_title(&base, plan.units.len(), &names),
        closing,
        template_id: base.template_id.clone(),
        meta: Meta {
            ruleset: base.meta.ruleset,
            superior_body: header.0,
            issuing_body: header.1,
            place: base.meta.place.clone(),
            doc_type: base.meta.doc_type.clone(),
            subject: base.meta.subject.clone(),
            page: base.meta.page.clone(),
            division_style: base.meta.division_style,
            ..Meta::default()
        },
        preamble,
        sections,
        ..Document::default()
    };
    document.assign_ids();

    // The units' texts beside the sections, by the ids just given.
    let mut ids = Vec::new();
    fn preorder(list: &[Section], ids: &mut Vec<crate::model::NodeId>) {
        for section in list {
            ids.push(section.id);
            preorder(&section.children, ids);
        }
    }
    for (at, section) in document.sections.iter().enumerate() {
        if Some(at) != other_at {
            ids.push(section.id);
            preorder(&section.children, &mut ids);
        }
    }
    let mut kept: Vec<BesideText> = Vec::new();
    for (texts, id) in beside.into_iter().zip(ids) {
        kept.extend(texts.into_iter().map(|text| BesideText {
            section: id,
            ..text
        }));
    }
    if let Some(at) = other_at {
        let id = document.sections[at].id;
        kept.extend(other_beside.into_iter().map(|text| BesideText {
            section: id,
            ..text
        }));
    }
    document.beside = Shared::new(kept);
    Consolidated { document, notes }
}

/// "Tổng hợp 3 đơn vị – Báo cáo tổng kết …".
/// The header of the body that consolidates: the units' own superior body,
/// when they all name the same one ("ĐẢNG BỘ XÃ TÂN HÒA" above each chi
/// bộ), is the body writing the report. A Party organisation's reports are
/// issued by its committee ("ĐẢNG ỦY XÃ TÂN HÒA"); the lines the units
/// wrote above it stay above it. Units that disagree leave both empty for
/// the user. Returns (superior body, issuing body).
pub fn consolidating_body<'a>(
    ruleset: Ruleset,
    units: impl Iterator<Item = &'a Meta>,
) -> (String, String) {
    let mut common: Option<Vec<String>> = None;
    for meta in units {
        let lines = crate::frame::superior_lines(&meta.superior_body);
        match &common {
            _ if lines.is_empty() => return (String::new(), String::new()),
            None => common = Some(lines),
            Some(seen) if *seen == lines => {}
            Some(_) => return (String::new(), String::new()),
        }
    }
    let Some(mut lines) = common else {
        return (String::new(), String::new());
    };
    let Some(own) = lines.pop() else {
        return (String::new(), String::new());
    };
    let own = match (ruleset, own.strip_prefix("ĐẢNG BỘ ")) {
        (Ruleset::Party, Some(rest)) => format!("ĐẢNG ỦY {rest}"),
        _ => own,
    };
    (lines.join("\n"), own)
}

/// The signature block of the body that consolidates: a Party committee
/// ("ĐẢNG ỦY XÃ TÂN HÒA", as `consolidating_body` names it) signs for the
/// collective, "T/M ĐẢNG ỦY"; the units' own block ("T/M CHI BỘ") is not
/// its. The position, the name and the recipients are left to the user
/// (the format check asks for them).
fn consolidating_closing(ruleset: Ruleset, issuing_body: &str) -> crate::model::Closing {
    const COMMITTEE: &str = "ĐẢNG ỦY";
    let committee = issuing_body
        .strip_prefix(COMMITTEE)
        .is_some_and(|rest| rest.starts_with(' '));
    crate::model::Closing {
        signing_authority: if ruleset == Ruleset::Party && committee {
            format!("T/M {COMMITTEE}")
        } else {
            String::new()
        },
        ..crate::model::Closing::default()
    }
}

/// `title` without the name of a unit in it ("Sơ kết 6 tháng - Chi bộ Ấp
/// 1" → "Sơ kết 6 tháng"), compared without case, with the dashes and
/// colons that joined it: the consolidated report is no unit's own.
fn without_unit_names(title: &str, names: &[&str]) -> String {
    let lower = |text: &str| -> Vec<char> {
        text.chars()
            .map(|c| c.to_lowercase().next().unwrap_or(c))
            .collect()
    };
    let mut chars: Vec<char> = title.chars().collect();
    for name in names {
        let needle = lower(name.trim());
        if needle.is_empty() {
            continue;
        }
        let haystack = lower(&chars.iter().collect::<String>());
        if haystack.len() != chars.len() {
            continue;
        }
        let Some(at) = haystack
            .windows(needle.len())
            .position(|window| window == needle.as_slice())
        else {
            continue;
        };
        let joints = [' ', '-', '–', '—', ':', ',', '(', ')'];
        let before: String = chars[..at].iter().collect();
        let after: String = chars[at + needle.len()..].iter().collect();
        let before = before.trim_end_matches(joints);
        let after = after.trim_start_matches(joints);
        let joined = match (before.is_empty(), after.is_empty()) {
            (false, false) => format!("{before} {after}"),
            _ => format!("{before}{after}"),
        };
        chars = joined.chars().collect();
    }
    chars.into_iter().collect::<String>().trim().to_owned()
}

fn consolidated_title(base: &Document, units: usize, names: &[&str]) -> String {
    let title = without_unit_names(base.title.trim(), names);
    let title = title.as_str();
    if title.is_empty() {
        format!("Tổng hợp {units} đơn vị")
    } else {
        format!("Tổng hợp {units} đơn vị – {title}")
    }
}

/// `blocks` without empty ones, headed by `name`: "Chi bộ Ấp 1: " before
/// the first paragraph, or a line "Chi bộ Ấp 1:" before a list or table.
fn attributed(name: &str, blocks: &[Block]) -> Vec<Block> {
    let mut out: Vec<Block> = blocks.iter().filter(|b| !b.is_empty()).cloned().collect();
    if out.is_empty() {
        return out;
    }
    match &mut out[0] {
        Block::Paragraph(paragraph) => {
            paragraph.text = format!("{name}: {}", paragraph.text.trim_start());
        }
        _ => out.insert(0, Block::paragraph(format!("{name}:"))),
    }
    out
}

/// "Chi bộ Ấp 3, Chi bộ Ấp 5: không có."
fn nothing_line(names: &[&str]) -> Block {
    Block::paragraph(format!("{}: {NOTHING_TO_REPORT}", names.join(", ")))
}

/// The blocks of one outline section: the units' texts attributed (in the
/// units' order), one line for those with nothing to report, the
/// assessment groups merged by label, then the tables summed or kept per
/// unit.
fn section_blocks(
    from_units: &[(usize, Vec<Block>)],
    tables_here: &[(usize, Vec<&crate::table::Table>)],
    names: &[&str],
    reference: &str,
    breakdown: Breakdown,
) -> (Vec<Block>, Vec<Note>) {
    let mut out = Vec::new();
    let mut nothing: Vec<&str> = Vec::new();
    let mut groups: Vec<(AssessmentLabel, Vec<Block>, Vec<&str>)> = Vec::new();
    for (unit, blocks) in from_units {
        let name = names[*unit];
        let mut text: Vec<Block> = Vec::new();
        for block in blocks {
            match block {
                Block::Table(_) => {}
                Block::Assessment(group) => {
                    let at = match groups
                        .iter()
                        .position(|(label, _, _)| *label == group.label)
                    {
                        Some(at) => at,
                        None => {
                            groups.push((group.label.clone(), Vec::new(), Vec::new()));
                            groups.len() - 1
                        }
                    };
                    match blocks_cell(std::slice::from_ref(block)) {
                        Cell::Filled => groups[at].1.extend(attributed(name, &group.blocks)),
                        Cell::NothingToReport => groups[at].2.push(name),
                        Cell::Empty | Cell::Missing => {}
                    }
                }
                other => text.push(other.clone()),
            }
        }
        match blocks_cell(&text) {
            Cell::Filled => out.extend(attributed(name, &text)),
            Cell::NothingToReport => nothing.push(name),
            Cell::Empty | Cell::Missing => {}
        }
    }
    if !nothing.is_empty() {
        out.push(nothing_line(&nothing));
    }
    for (label, mut blocks, nothing) in groups {
        let nothing_to_report = blocks.is_empty() && !nothing.is_empty();
        if !blocks.is_empty() && !nothing.is_empty() {
            blocks.push(nothing_line(&nothing));
        }
        if blocks.is_empty() && !nothing_to_report {
            continue;
        }
        out.push(Block::Assessment(Assessment {
            id: 0,
            label,
            nothing_to_report,
            blocks,
        }));
    }
    let mut notes = Vec::new();
    out.extend(table_blocks(
        tables_here,
        names,
        reference,
        breakdown,
        &mut notes,
    ));
    (out, notes)
}

/// The tables of a section: each group of one shape summed (with the
/// breakdown asked for), the others kept per unit with its name.
fn table_blocks(
    tables_here: &[(usize, Vec<&crate::table::Table>)],
    names: &[&str],
    reference: &str,
    breakdown: Breakdown,
    notes: &mut Vec<Note>,
) -> Vec<Block> {
    let groups: Vec<Group<'_>> = tables::group(tables_here);
    let mut out = Vec::new();
    for (at, group) in groups.iter().enumerate() {
        if group.members.len() == 1 {
            let (unit, table) = group.members[0];
            if tables::stands_apart(&groups, at) {
                notes.push(Note::TableShape {
                    unit,
                    section: reference.to_owned(),
                    caption: table.caption.clone(),
                });
            }
            out.push(Block::Table(tables::attributed(table, names[unit])));
            continue;
        }
        let (summed, sum_notes) = tables::sum(group, names, reference);
        notes.extend(sum_notes);
        let per_unit_tables = match breakdown {
            Breakdown::None => false,
            Breakdown::Tables => true,
            Breakdown::Rows => match tables::with_unit_rows(&summed, group, names) {
                Some(table) => {
                    out.push(Block::Table(table));
                    continue;
                }
                None => {
                    notes.push(Note::BreakdownAsTables {
                        section: reference.to_owned(),
                        caption: summed.caption.clone(),
                    });
                    true
                }
            },
        };
        out.push(Block::Table(summed));
        if per_unit_tables {
            out.extend(
                group
                    .members
                    .iter()
                    .map(|(unit, table)| Block::Table(tables::attributed(table, names[*unit]))),
            );
        }
    }
    out
}

/// The last part's blocks: each section that matched nothing, with the
/// sections under it, attributed ("Chi bộ Ấp 1 – Công tác khác: …"), and
/// each unit's text of it for beside the part.
fn other_content(
    other: &[(usize, usize)],
    flats: &[Option<Vec<Flat<'_>>>],
    names: &[&str],
) -> (Vec<Block>, Vec<BesideText>) {
    let mut blocks = Vec::new();
    let mut beside: Vec<BesideText> = Vec::new();
    for &(unit, at) in other {
        let Some(flat) = &flats[unit] else { continue };
        let mut own: Vec<Block> = Vec::new();
        let top = &flat[at];
        own.extend(top.section.blocks.iter().filter(|b| !b.is_empty()).cloned());
        let mut next = at + 1;
        while next < flat.len() && super::is_under(flat, next, at) {
            let section = flat[next].section;
            let content: Vec<Block> = section
                .blocks
                .iter()
                .filter(|b| !b.is_empty())
                .cloned()
                .collect();
            if section.heading.trim().is_empty() {
                own.extend(content);
            } else if !content.is_empty() {
                own.extend(attributed(section.heading.trim(), &content));
            }
            next += 1;
        }
        if own.is_empty() {
            continue;
        }
        let heading = top.section.heading.trim();
        let label = if heading.is_empty() {
            names[unit].to_owned()
        } else {
            format!("{} – {heading}", names[unit])
        };
        blocks.extend(attributed(&label, &own));
        match beside.iter_mut().find(|text| text.label == names[unit]) {
            Some(text) => text.blocks.extend(own),
            None => beside.push(BesideText {
                section: 0,
                source: BesideSource::Unit,
                label: names[unit].to_owned(),
                blocks: own,
                extra: Default::default(),
            }),
        }
    }
    (blocks, beside)
}
