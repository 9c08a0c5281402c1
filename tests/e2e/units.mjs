// Units' draft files for the consolidation tests and bench: unit `n`'s
// report on one outline of `items` items over five parts, with `tables`
// results tables (planned, done, and the share done as a computed
// percentage) in the first items of the first parts. Deterministic: the
// same arguments give the same file.

const PARTS = [
  "Công tác chính trị, tư tưởng",
  "Công tác tổ chức, xây dựng Đảng",
  "Công tác kiểm tra, giám sát",
  "Lãnh đạo phát triển kinh tế - xã hội",
  "Đánh giá chung và phương hướng",
];
const WORDS = ["tuyên truyền", "đảng viên", "sinh hoạt", "nghị quyết", "hộ nghèo", "giao thông nông thôn", "an ninh trật tự", "học tập", "thôn ấp", "mô hình", "kinh tế hộ", "vệ sinh môi trường", "quỹ khuyến học", "tiếp dân", "văn hóa", "kết nạp"];

/// The JSON text of unit `n`'s draft file (n from 1).
export function unitFile(n, items = 50, tables = 3) {
  let seed = n * 2654435761 % 4294967296 || 1;
  const random = (below) => {
    seed ^= seed << 13; seed >>>= 0;
    seed ^= seed >>> 17;
    seed ^= seed << 5; seed >>>= 0;
    return seed % below;
  };
  let id = 0;
  const next = () => ++id;
  const sentence = () => `Ấp ${n} làm tốt công tác ${Array.from({ length: 4 + random(6) }, () => WORDS[random(WORDS.length)]).join(", ")}.`;
  const table = (k) => {
    const rows = Array.from({ length: 4 }, (_, r) => {
      const planned = 10 + random(90);
      return { id: next(), kind: "data", cells: [{ text: `Chỉ tiêu ${r + 1}` }, { text: String(planned) }, { text: String(random(planned + 1)) }, { text: "" }] };
    });
    rows.push({ id: next(), kind: "total", cells: [{ text: "Tổng cộng" }, { text: "" }, { text: "" }, { text: "" }] });
    return {
      type: "table", id: next(), caption: `Bảng ${k}. Kết quả thực hiện chỉ tiêu`, unit: "Chỉ tiêu",
      columns: [
        { id: 9001, kind: { kind: "text" }, width: 4 },
        { id: 9002, kind: { kind: "number", decimals: 0 }, width: 2 },
        { id: 9003, kind: { kind: "number", decimals: 0 }, width: 2 },
        { id: 9004, kind: { kind: "computed", formula: { op: "percent", part: 9003, whole: 9002 }, decimals: 1 }, width: 2 },
      ],
      header: [["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỉ lệ (%)"]], merges: [], number_row: false, rows,
    };
  };
  const perPart = Math.max(1, Math.ceil(items / 5));
  let made = 0;
  let tablesMade = 0;
  const sections = PARTS.map((heading, part) => {
    const children = [];
    for (let item = 0; item < perPart && made < items; item++, made++) {
      const blocks = [{ type: "paragraph", id: next(), text: sentence() }];
      if (random(3) === 0) blocks.push({ type: "list", id: next(), items: [0, 1].map(() => ({ id: next(), text: sentence(), blocks: [] })) });
      if (item === 0 && tablesMade < tables) blocks.push(table(++tablesMade));
      children.push({ id: next(), heading: `Nội dung ${WORDS[(part * 3 + item) % WORDS.length]} thứ ${item + 1}`, blocks, children: [] });
    }
    return { id: next(), heading, blocks: [], children };
  });
  const document = {
    title: "Báo cáo kết quả công tác năm 2026", template_id: "generated-units",
    meta: { ruleset: "party", superior_body: "ĐẢNG BỘ XÃ TÂN HÒA", issuing_body: `CHI BỘ ẤP ${n}`, doc_type: "BÁO CÁO", subject: "kết quả công tác năm 2026", place: "Tân Hòa" },
    preamble: [], sections, closing: {}, next_id: id,
  };
  return JSON.stringify({ format: "baocao-draft", version: 3, meta: { id: `ap-${n}`, title: document.title }, document });
}
