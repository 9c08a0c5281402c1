//! User-facing strings. Vietnamese is the default; English is available for
//! every message. Code names things in English; the words a person reads come
//! only from here, so a missing translation is a compile error, not a blank.

use serde::Serialize;

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The BCP 47 tag for the `lang` attribute of the page.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Parses a stored preference; anything unknown falls back to Vietnamese.
    pub fn from_tag(tag: &str) -> Lang {
        match tag.trim() {
            "en" => Lang::En,
            _ => Lang::Vi,
        }
    }

    /// The other language, for the switch in the toolbar.
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
}

/// Declares `Msg` and its Vietnamese and English texts in one table, so a
/// message without a translation cannot exist.
macro_rules! messages {
    ($($name:ident => $vi:expr, $en:expr;)*) => {
        /// Every message the interface shows.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg {
            $($name,)*
        }

        /// Returns the text of `msg` in `lang`.
        pub fn t(lang: Lang, msg: Msg) -> &'static str {
            match (lang, msg) {
                $((Lang::Vi, Msg::$name) => $vi, (Lang::En, Msg::$name) => $en,)*
            }
        }
    };
}

messages! {
    DocumentTitle => "Báo cáo — soạn báo cáo tổng kết, sơ kết", "Báo cáo — structured report editor";
    AppName => "Báo cáo", "Báo cáo";
    AppTagline => "Soạn báo cáo tổng kết, sơ kết đúng thể thức", "Write official Vietnamese reports in the correct layout";
    ToolbarLabel => "Thanh công cụ", "Toolbar";
    Menu => "☰ Menu", "☰ Menu";
    MenuLabel => "Mở hoặc đóng menu công cụ", "Open or close the toolbar menu";
    ViewSwitchLabel => "Phần hiển thị trên màn hình hẹp", "What a narrow screen shows";
    ViewOutline => "Dàn ý", "Outline";
    ViewForm => "Soạn", "Write";
    ViewPreview => "Xem trước", "Preview";
    EmptyWorkspaceTitle => "Chưa có bản thảo nào", "No drafts yet";
    EmptyWorkspaceBody => "Chọn một mẫu báo cáo để bắt đầu. Mọi nội dung chỉ lưu trên máy này.", "Pick a report outline to begin. Everything stays on this computer.";
    SwitchLanguage => "English", "Tiếng Việt";
    SwitchLanguageLabel => "Chuyển giao diện sang tiếng Anh", "Switch the interface to Vietnamese";
    OfflineNotice => "Không gửi dữ liệu ra ngoài: ứng dụng chạy hoàn toàn trên máy.", "Nothing is sent anywhere: the app runs entirely on this computer.";
    TemplatesHeading => "Mẫu báo cáo", "Report outlines";
    UseTemplate => "Dùng mẫu này", "Use this outline";
    SampleHeading => "Bản mẫu đã điền sẵn", "Filled-in sample";
    OpenSample => "Mở bản mẫu", "Open the sample";
    PartyRuleset => "Văn bản Đảng (QĐ 399-QĐ/TW, HD 36-HD/VPTW)", "Party document (QĐ 399-QĐ/TW, HD 36-HD/VPTW)";
    StateRuleset => "Văn bản nhà nước (NĐ 30/2020/NĐ-CP)", "State document (Decree 30/2020)";
    Undo => "Hoàn tác", "Undo";
    UndoLabel => "Hoàn tác (Ctrl+Z)", "Undo (Ctrl+Z)";
    Redo => "Làm lại", "Redo";
    RedoLabel => "Làm lại (Ctrl+Shift+Z)", "Redo (Ctrl+Shift+Z)";
    Print => "In / PDF", "Print / PDF";
    PrintLabel => "In hoặc lưu PDF (Ctrl+P)", "Print or save as PDF (Ctrl+P)";
    CloseDraft => "Đóng bản thảo", "Close draft";
    CloseDraftLabel => "Đóng bản thảo, về màn hình chọn mẫu (bản thảo vẫn được lưu)", "Close the draft and return to the outlines (the draft stays saved)";
    OutlineHeading => "Dàn ý", "Outline";
    OutlineLabel => "Dàn ý báo cáo: chọn một mục để đến đó", "Report outline: pick a section to go there";
    AddSectionAfter => "Thêm mục ngang hàng", "Add a section after";
    AddChildSection => "Thêm mục con", "Add a subsection";
    AddPart => "Thêm phần", "Add a part";
    DeleteSection => "Xóa mục", "Delete section";
    MoveUp => "Lên", "Up";
    MoveUpLabel => "Chuyển lên (Alt+↑)", "Move up (Alt+↑)";
    MoveDown => "Xuống", "Down";
    MoveDownLabel => "Chuyển xuống (Alt+↓)", "Move down (Alt+↓)";
    Indent => "Thụt vào", "Indent";
    IndentLabel => "Thụt vào một cấp (Tab)", "Indent one level (Tab)";
    Outdent => "Lùi ra", "Outdent";
    OutdentLabel => "Lùi ra một cấp (Shift+Tab)", "Outdent one level (Shift+Tab)";
    NoSectionSelected => "Chọn một mục trong dàn ý để thêm, xóa hay di chuyển.", "Pick a section in the outline to add, delete or move.";
    MetaHeading => "Thông tin văn bản", "Document details";
    FieldTitle => "Tên bản thảo", "Draft name";
    FieldTitleHint => "Tên để tìm lại bản thảo; không in ra văn bản.", "How you find this draft again; not printed.";
    FieldRuleset => "Thể thức", "Layout rules";
    FieldSuperiorBody => "Cơ quan cấp trên", "Superior body";
    FieldSuperiorBodyHintParty => "Mỗi cấp một dòng, tối đa 3 dòng. Ví dụ: ĐẢNG BỘ TỈNH ĐỒNG THÁP, dòng dưới ĐẢNG ỦY XÃ LẤP VÒ (trên một chi bộ).", "One level per line, up to 3 lines. E.g. ĐẢNG BỘ TỈNH ĐỒNG THÁP, then ĐẢNG ỦY XÃ LẤP VÒ below it (above a chi bộ).";
    FieldSuperiorBodyHintState => "Mỗi cấp một dòng, tối đa 3 dòng. Ví dụ: UBND TỈNH ĐỒNG THÁP, UBND XÃ BÌNH THÀNH", "One level per line, up to 3 lines. E.g. UBND TỈNH ĐỒNG THÁP, UBND XÃ BÌNH THÀNH";
    FieldIssuingBody => "Cơ quan ban hành", "Issuing body";
    FieldIssuingBodyHintParty => "Ví dụ: ĐẢNG ỦY XÃ BÌNH THÀNH, CHI BỘ TRƯỜNG THCS BÌNH THÀNH", "E.g. ĐẢNG ỦY XÃ BÌNH THÀNH, CHI BỘ TRƯỜNG THCS BÌNH THÀNH";
    FieldIssuingBodyHintState => "Ví dụ: UBND XÃ BÌNH THÀNH, TRƯỜNG THCS BÌNH THÀNH", "E.g. UBND XÃ BÌNH THÀNH, TRƯỜNG THCS BÌNH THÀNH";
    FieldNumber => "Số, ký hiệu", "Number and symbol";
    FieldNumberHintParty => "Dạng 12-BC/ĐU (không ghi chữ “Số”).", "Like 12-BC/ĐU (without “Số”).";
    FieldNumberHintState => "Dạng 02/BC-UBND (không ghi chữ “Số:”).", "Like 02/BC-UBND (without “Số:”).";
    FieldPlace => "Địa danh", "Place";
    FieldDay => "Ngày", "Day";
    FieldMonth => "Tháng", "Month";
    FieldYear => "Năm", "Year";
    FieldDateHint => "Có thể để trống ngày, tháng để ghi tay khi ký.", "Day and month may stay blank to be written in at signing.";
    FieldDocType => "Tên loại văn bản", "Document type";
    FieldSubject => "Trích yếu", "Subject line";
    FieldSubjectHint => "Viết thường chữ đầu: “tổng kết …”.", "Starts in lowercase: “tổng kết …”.";
    FieldSigningAuthority => "Thẩm quyền ký", "Signing authority";
    FieldSigningAuthorityHintParty => "Ví dụ: T/M ĐẢNG ỦY, T/M CHI BỘ, T/M BAN THƯỜNG VỤ", "E.g. T/M ĐẢNG ỦY, T/M CHI BỘ, T/M BAN THƯỜNG VỤ";
    FieldSigningAuthorityHintState => "Ví dụ: TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, HIỆU TRƯỞNG", "E.g. TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, HIỆU TRƯỞNG";
    FieldPosition => "Chức vụ người ký", "Signer's position";
    FieldSignerName => "Họ tên người ký", "Signer's name";
    FieldRecipients => "Nơi nhận (mỗi dòng một nơi)", "Recipients (one per line)";
    FieldAuthor => "Tác giả bài viết (nếu đăng web)", "Author line (for a web post)";
    ProblemNumberPrefix => "Bỏ chữ “Số” — văn bản tự in chữ này.", "Leave out “Số”: the layout prints it.";
    ProblemPartyShape => "Văn bản Đảng ghi số dạng 12-BC/ĐU: số, gạch nối, loại văn bản, gạch chéo, cơ quan (chữ in hoa).", "Party numbers look like 12-BC/ĐU: number, hyphen, type, slash, body (capitals).";
    ProblemStateShape => "Văn bản nhà nước ghi số dạng 02/BC-UBND: số, gạch chéo, loại văn bản, gạch nối, cơ quan (chữ in hoa).", "State numbers look like 02/BC-UBND: number, slash, type, hyphen, body (capitals).";
    ProblemStateUnpadded => "Số nhỏ hơn 10 phải thêm số 0 ở trước (02, không phải 2).", "Numbers below 10 take a leading 0 (02, not 2).";
    ProblemDayRange => "Ngày phải từ 1 đến 31.", "The day must be 1 to 31.";
    ProblemMonthRange => "Tháng phải từ 1 đến 12.", "The month must be 1 to 12.";
    ProblemYearRange => "Năm không hợp lệ.", "The year is not valid.";
    ProblemNoSuchDay => "Tháng này không có ngày đó.", "That month has no such day.";
    ProblemNotANumber => "Chỉ nhập chữ số.", "Digits only.";
    ProblemSubjectCapital => "Trích yếu thường viết thường chữ đầu.", "The subject line usually starts in lowercase.";
    PreambleHeading => "Phần mở đầu", "Opening";
    BodyHeading => "Nội dung", "Body";
    SectionHeadingLabel => "Tiêu đề mục", "Section heading";
    HeadingLocked => "Tiêu đề theo mẫu đang khóa", "Template heading is locked";
    HeadingLockedTyping => "Tiêu đề này theo dàn ý, đang khóa. Bấm ổ khóa bên cạnh để sửa.", "This heading comes from the outline and is locked. Click the padlock beside it to edit it.";
    UnlockHeading => "Mở khóa tiêu đề để sửa", "Unlock the heading to edit it";
    LockHeading => "Khóa lại tiêu đề", "Lock the heading";
    RunInHint => "(để trống: số thứ tự đứng liền đoạn văn đầu)", "(blank: the number runs into the first paragraph)";
    ParagraphLabel => "Đoạn văn", "Paragraph";
    BulletLabel => "Gạch đầu dòng", "Bullet";
    FigureLabel => "Chú thích ảnh", "Picture caption";
    AssessmentLabelField => "Nhãn đánh giá", "Assessment label";
    NothingToReport => "Không có", "Nothing to report";
    NothingToReportLabel => "Ghi “không có” cho nhóm đánh giá này", "Mark this assessment as “không có” (nothing to report)";
    AddParagraph => "+ Đoạn văn", "+ Paragraph";
    AddList => "+ Gạch đầu dòng", "+ Bullets";
    AddAssessment => "+ Đánh giá", "+ Assessment";
    AddFigure => "+ Chú thích ảnh", "+ Picture caption";
    MoveBlockUp => "Chuyển khối lên", "Move block up";
    MoveBlockDown => "Chuyển khối xuống", "Move block down";
    DeleteBlock => "Xóa khối", "Delete block";
    PreviewHeading => "Xem trước (A4)", "Preview (A4)";
    PreviewZoomLabel => "Cỡ xem trước", "Preview size";
    PreviewZoomFit => "Vừa khung", "Fit";
    PreviewZoomFull => "100 %", "100%";
    PreviewPage => "Trang", "Page";
    PreviewLabel => "Bản xem trước khổ A4 theo thể thức đã chọn", "A4 preview in the chosen layout";
    EditErrorNotFound => "Không tìm thấy phần cần sửa; có thể nó vừa bị xóa.", "That part could not be found; it may have just been deleted.";
    EditErrorLocked => "Tiêu đề này theo mẫu và đang khóa. Bấm nút khóa để mở nếu cần sửa.", "This heading comes from the template and is locked. Use the lock button to unlock it.";
    EditErrorAtEdge => "Không thể chuyển thêm theo hướng đó.", "It cannot move further that way.";
    EditErrorTooDeep => "Báo cáo chỉ có ba cấp: phần (I.), mục (1.), điểm (a).", "Reports have three levels only: part (I.), item (1.), point (a).";
    EditErrorNoPlace => "Không có chỗ để thụt vào hay lùi ra ở đây.", "There is nowhere to indent or outdent to here.";
    EditErrorBadIndex => "Vị trí chèn không hợp lệ.", "That position is not valid.";
    EditErrorWrongPlace => "Phần (PHẦN THỨ …) và phụ lục chỉ đứng ở cấp ngoài cùng; phụ lục luôn ở sau cùng.", "Divisions (PHẦN THỨ …) and appendices stand at the top level only; appendices always come last.";
    TableErrorComputed => "Ô này được tính tự động. Chọn “Nhập tay” nếu muốn gõ số của mình vào đây.", "This cell is computed. Choose “Type it in” to enter your own figure here.";
    TableErrorBadMerge => "Không gộp được: vùng chọn chồng lên ô đã gộp hoặc vượt ra ngoài phần tiêu đề bảng.", "Cannot merge: the selection overlaps a merged cell or goes past the table's header.";
    TableErrorTooBig => "Bảng đã quá lớn (tối đa 40 cột và 20.000 ô). Hãy tách thành nhiều bảng.", "The table is too large (at most 40 columns and 20,000 cells). Split it into several tables.";
    TableErrorLastOne => "Bảng phải còn ít nhất một hàng và một cột.", "A table keeps at least one row and one column.";
    TableErrorMoveThroughMerge => "Không chuyển được cột: một ô tiêu đề đã gộp phủ cột này mà không phủ cột bên cạnh. Hãy bấm vào ô đó và chọn “Tách ô” trước.", "Cannot move the column: a merged header cell covers it but not the one beside it. Click that cell and choose “Split” first.";
    // Issue 16, table core (presets, checks, stored tables): add below.
    PresetPartyRating => "Xếp loại chất lượng đảng viên (Quy định 124-QĐ/TW)", "Party members' quality rating (Regulation 124-QĐ/TW)";
    PresetPartyMembership => "Tăng, giảm đảng viên (Biểu 1-TCTW)", "Party members joining and leaving (Form 1-TCTW)";
    PresetPupilResults => "Kết quả học tập theo khối (Thông tư 22/2021)", "Pupils' results by grade (Circular 22/2021)";
    // Issue 16, outputs (preview, print, exports): add below.
    // Issue 16, table editor, outline and appendices in the interface: add below.
    AddTable => "+ Bảng", "+ Table";
    AddTableBlank => "Bảng trống (3 hàng × 4 cột)", "Blank table (3 rows × 4 columns)";
    AddTableSmall => "Bảng trống (2 hàng × 3 cột)", "Blank table (2 rows × 3 columns)";
    AddTableLarge => "Bảng trống (5 hàng × 6 cột)", "Blank table (5 rows × 6 columns)";
    TableLabel => "Bảng số liệu", "Statistics table";
    TableCaption => "Tên bảng", "Table caption";
    TableCaptionHint => "Ví dụ: Bảng 1. Kết quả xếp loại đảng viên", "E.g. Table 1. Party member ratings";
    TableUnit => "Đơn vị tính", "Unit";
    TableUnitHint => "Người, %, triệu đồng…", "People, %, million dong…";
    TableHeadCell => "Ô tiêu đề, hàng", "Header cell, row";
    TableColumnWord => "cột", "column";
    TableCell => "Ô bảng", "Table cell";
    TableComputedCell => "Ô tính tự động", "Computed cell";
    ConfirmTypeOverComputed => "Ô này được tính tự động từ các ô khác. Nhập tay số của mình vào đây thay cho số tính được?", "This cell is worked out from the others. Type your own figure here instead of the computed one?";
    TableTypedOver => "Số nhập tay thay cho số tính được", "Typed over the computed figure";
    TableGiveBack => "Trả ô này lại cho công thức (tính tự động)", "Give this cell back to its formula (computed)";
    TableRows => "Hàng", "Rows";
    TableColumns => "Cột", "Columns";
    TableHeaderTools => "Tiêu đề", "Header";
    RowAbove => "+ Trên", "+ Above";
    RowAboveLabel => "Thêm hàng phía trên", "Add a row above";
    RowBelow => "+ Dưới", "+ Below";
    RowBelowLabel => "Thêm hàng phía dưới", "Add a row below";
    RowDelete => "Xóa hàng", "Delete row";
    RowUp => "Chuyển hàng lên", "Move row up";
    RowDown => "Chuyển hàng xuống", "Move row down";
    RowIndent => "Thụt ô đầu hàng vào (ý con: Chia ra: - …)", "Indent the row's first cell (a sub-item)";
    RowOutdent => "Lùi ô đầu hàng ra", "Outdent the row's first cell";
    RowKindLabel => "Loại hàng", "Row kind";
    RowKindData => "Số liệu", "Figures";
    RowKindGroup => "Nhóm (cộng các hàng dưới)", "Group (sums the rows below)";
    RowKindTotal => "Tổng cộng", "Total";
    RowKindText => "Dòng chữ", "Line of words";
    ColumnLeft => "+ Trái", "+ Left";
    ColumnLeftLabel => "Thêm cột bên trái", "Add a column on the left";
    ColumnRight => "+ Phải", "+ Right";
    ColumnRightLabel => "Thêm cột bên phải", "Add a column on the right";
    ColumnDelete => "Xóa cột", "Delete column";
    ColumnMoveLeft => "Chuyển cột sang trái", "Move column left";
    ColumnMoveRight => "Chuyển cột sang phải", "Move column right";
    ColumnKindLabel => "Loại cột", "Column kind";
    ColumnKindText => "Chữ", "Words";
    ColumnKindNumber => "Số nhập tay", "Typed figures";
    ColumnKindSum => "Tổng các cột", "Sum of columns";
    ColumnKindPercent => "Tỷ lệ % (cột này trên cột kia)", "Percentage (one column of another)";
    ColumnKindDifference => "Tăng, giảm (hiệu hai cột)", "Change (difference of two columns)";
    ColumnKindRatio => "So với cùng kỳ (%)", "Against the same period (%)";
    ColumnKindShare => "Tỷ lệ % trên tổng cộng", "Share of the total (%)";
    ColumnDecimals => "Số lẻ", "Decimals";
    ColumnOperandFirst => "Lấy cột", "Take column";
    ColumnOperandSecond => "so với cột", "against column";
    ColumnSumOf => "Cộng các cột", "Sum of columns";
    MergeRight => "Gộp phải", "Merge right";
    MergeRightLabel => "Gộp ô tiêu đề với ô bên phải", "Merge the header cell with the one on its right";
    MergeDown => "Gộp xuống", "Merge down";
    MergeDownLabel => "Gộp ô tiêu đề với ô bên dưới", "Merge the header cell with the one below";
    SplitCell => "Tách ô", "Split";
    SplitCellLabel => "Tách ô tiêu đề đã gộp", "Split the merged header cell";
    HeaderRowAdd => "+ Hàng tiêu đề", "+ Header row";
    HeaderRowDelete => "Xóa hàng tiêu đề", "Delete header row";
    NumberRowToggle => "Hàng số thứ tự cột (1, 2, 3…)", "Column number row (1, 2, 3…)";
    DeleteTable => "Xóa bảng", "Delete table";
    TablePickCell => "Bấm vào một ô để sửa hàng, cột của ô đó.", "Click a cell to change its row or column.";
    TablePickHeader => "Bấm vào một ô tiêu đề để gộp hoặc tách.", "Click a header cell to merge or split it.";
    TableFromPaste => "Đã tạo bảng mới từ nội dung vừa dán. Bấm Ctrl+Z nếu muốn bỏ.", "Made a new table from what was pasted. Press Ctrl+Z to undo.";
    AddDivision => "+ PHẦN", "+ Division";
    AddDivisionLabel => "Thêm PHẦN (cấp trên các phần I, II…), gồm các phần từ chỗ đang chọn", "Add a division (above parts I, II…) taking in the parts from the one picked";
    AddAppendix => "+ Phụ lục", "+ Appendix";
    AddAppendixLabel => "Thêm phụ lục ở cuối báo cáo", "Add an appendix at the end of the report";
    DivisionStyleLabel => "Đánh số PHẦN", "Division numbers";
    DivisionHeadingLabel => "Tiêu đề PHẦN", "Division heading";
    AppendixHeadingLabel => "Tên phụ lục", "Appendix title";
    AppendixLandscape => "Trang ngang", "Landscape page";
    AppendixLandscapeHint => "In phụ lục này trên trang xoay ngang (bảng nhiều cột)", "Print this appendix on a landscape page (wide tables)";
    // Issue 16, import and templates: add below.
    Deleted => "Đã xóa. Bấm Ctrl+Z để hoàn tác.", "Deleted. Press Ctrl+Z to undo.";
    SavePending => "Đang lưu…", "Saving…";
    SavedAt => "Đã lưu lúc", "Saved at";
    SaveFailed => "Chưa lưu được", "Not saved";
    DraftUnreadable => "Bản thảo này không đọc được. Nội dung gốc đã được cất riêng; bạn có thể tải về ở danh sách bản thảo.", "This draft cannot be read. Its stored text was kept aside; you can download it from the draft list.";
    OpenInAnotherTab => "Bản thảo này đang mở ở một tab khác nên ở đây chỉ xem được. Bấm “Sửa ở tab này” để nhận quyền sửa.", "This draft is open in another tab, so it is read-only here. Use “Edit here” to take it over.";
    TakenOverElsewhere => "Một tab khác đã nhận quyền sửa bản thảo này; ở đây giờ chỉ xem được.", "Another tab took over this draft; it is read-only here now.";
    ReadOnlyEdit => "Bản thảo đang chỉ xem (đang mở ở tab khác).", "The draft is read-only here (open in another tab).";
    TakeOver => "Sửa ở tab này", "Edit here";
    VersionRestored => "Đã khôi phục phiên bản. Bấm Ctrl+Z nếu muốn quay lại.", "Version restored. Press Ctrl+Z to go back.";
    MovedToTrash => "Đã chuyển vào thùng rác.", "Moved to the trash.";
    BannerStorageFull => "Bộ nhớ trình duyệt đã đầy: những thay đổi mới CHƯA được lưu trên máy. Bạn vẫn soạn tiếp được; hãy tải tệp bản thảo về máy ngay, rồi xóa bớt bản thảo cũ.", "The browser's storage is full: new changes are NOT saved on this computer. You can keep writing; download the draft file now, then delete old drafts.";
    BannerStorageUnavailable => "Trình duyệt không cho lưu trên máy (chế độ riêng tư hoặc đã tắt lưu dữ liệu). Bản thảo chỉ nằm trong trang này: hãy tải tệp bản thảo về trước khi đóng.", "This browser does not allow saving on this computer (private mode or site data disabled). The draft lives only in this page: download the draft file before closing it.";
    BannerStorageOther => "Trình duyệt báo lỗi khi lưu. Hãy tải tệp bản thảo về máy để giữ nội dung.", "The browser reported an error while saving. Download the draft file to keep your text.";
    DownloadDraft => "Tải tệp bản thảo (.json)", "Download draft file (.json)";
    BackupReminder => "Đã hơn một tuần bản thảo này chưa được tải về làm tệp sao lưu.", "This draft has not been saved to a backup file for over a week.";
    LibraryHeading => "Bản thảo trên máy này", "Drafts on this computer";
    SearchDrafts => "Tìm theo tên bản thảo", "Search drafts by name";
    ConsolidateOpen => "Tổng hợp báo cáo…", "Consolidate reports…";
    ConsolidateOpenHint => "Gộp báo cáo của nhiều đơn vị (chi bộ, ấp, trường…) thành một bản thảo tổng hợp", "Put several units' reports (branches, hamlets, schools…) together into one draft";
    ConsolidateHeading => "Tổng hợp báo cáo các đơn vị", "Consolidate the units' reports";
    ConsolidateIntro => "Chọn các tệp báo cáo của đơn vị (.baocao.json, .docx, .txt) hoặc các bản thảo có sẵn. Nội dung từng mục được gộp theo dàn ý, ghi rõ tên đơn vị; bảng số liệu cùng mẫu được cộng lại.", "Choose the units' report files (.baocao.json, .docx, .txt) or drafts already here. Each section's content is put together along the outline, with each unit named; tables of the same form are added up.";
    ConsolidatePickFiles => "Chọn tệp của các đơn vị…", "Choose the units' files…";
    ConsolidateDropHint => "hoặc kéo thả nhiều tệp vào khung này", "or drop several files on this box";
    ConsolidateFromLibrary => "Hoặc lấy bản thảo có sẵn trên máy này:", "Or take drafts already on this computer:";
    ConsolidateFilesHeading => "Tệp và bản thảo đã chọn", "Files and drafts chosen";
    ConsolidateReading => "Đang đọc…", "Reading…";
    ConsolidateReadAs => "Đã đọc, đơn vị:", "Read, unit:";
    ConsolidateTemplateFile => "Đây là tệp mẫu (dàn ý), không phải báo cáo của một đơn vị, nên không gộp.", "This is an outline (template) file, not a unit's report, so it is not taken.";
    ConsolidateUnitsHeading => "Đơn vị, theo thứ tự in", "Units, in the order printed";
    ConsolidateUnitName => "Đơn vị", "Unit";
    ConsolidateSource => "Tệp hoặc bản thảo", "File or draft";
    ConsolidateMoveUp => "▲ Lên", "▲ Up";
    ConsolidateMoveDown => "▼ Xuống", "▼ Down";
    ConsolidateLeaveOut => "Bỏ ra", "Leave out";
    ConsolidateTakeBack => "Đưa lại vào", "Put back";
    ConsolidateLeftOut => "Đã bỏ ra", "Left out";
    ConsolidateNoUnits => "Chưa có đơn vị nào: hãy chọn tệp hoặc bản thảo.", "No units yet: choose files or drafts.";
    ConsolidateMappingHeading => "Mục không khớp với dàn ý", "Sections that match no section of the outline";
    ConsolidateMappingHint => "Chọn mục của dàn ý để đưa nội dung vào. Để nguyên thì nội dung vào phần cuối “Nội dung khác của các đơn vị” — không bỏ mất chữ nào.", "Choose the outline section to put it in. Left as it is, it goes to the last part, “Other content of the units” — nothing is lost.";
    ConsolidateOtherTarget => "Phần “Nội dung khác của các đơn vị”", "The part “Other content of the units”";
    ConsolidateSuggested => "gợi ý", "suggested";
    ConsolidateOutlineFrom => "Dàn ý theo báo cáo của đơn vị đầu tiên:", "The outline follows the first unit's report:";
    ConsolidateTablesHeading => "Bảng số liệu cùng mẫu", "Tables of the same form";
    ConsolidateBreakdownNone => "Chỉ bảng cộng", "Only the summed table";
    ConsolidateBreakdownRows => "Bảng cộng, thêm dòng của từng đơn vị", "Summed, with a row per unit";
    ConsolidateBreakdownTables => "Bảng cộng, kèm bảng của từng đơn vị", "Summed, followed by each unit's table";
    ConsolidateTablesHint => "Số liệu được cộng; tỉ lệ % và các cột tính được tính lại từ số đã cộng, không cộng dồn.", "Figures are added; percentages and computed columns are worked out again from the sums, not added.";
    ConsolidateNotesHeading => "Cần lưu ý", "To note";
    ConsolidateCompletenessHeading => "Bảng kiểm tra đầy đủ (mục × đơn vị)", "Completeness (section × unit)";
    ConsolidateSection => "Mục", "Section";
    ConsolidateSectionHeading => "Tiêu đề", "Heading";
    ConsolidateFilled => "Có nội dung", "Filled";
    ConsolidateNothing => "Không có", "Nothing to report";
    ConsolidateEmpty => "Để trống", "Empty";
    ConsolidateMissing => "Thiếu mục", "Missing";
    ConsolidateAnswered => "Số mục đã trả lời", "Sections answered";
    ConsolidateDownloadCsv => "Tải bảng (CSV)", "Download the table (CSV)";
    ConsolidateCreate => "Tạo báo cáo tổng hợp", "Create the consolidated report";
    ConsolidateCreated => "Đã tạo báo cáo tổng hợp. Bản gốc của từng đơn vị được giữ bên cạnh mỗi mục.", "The consolidated report is made. Each unit's own text is kept beside each section.";
    ColumnTitle => "Tên", "Name";
    Untitled => "(chưa đặt tên)", "(untitled)";
    ColumnTemplate => "Mẫu", "Outline";
    ColumnEdited => "Sửa lần cuối", "Last edited";
    ColumnSize => "Dung lượng", "Size";
    Open => "Mở", "Open";
    Duplicate => "Nhân bản", "Duplicate";
    DuplicateSuffix => "(bản sao)", "(copy)";
    UseForNextYear => "Dùng làm báo cáo năm sau", "Use for next year's report";
    UseForNextYearHint => "Tạo bản thảo mới cùng dàn ý, tiêu đề, phần đầu và người ký; nội dung năm nay được giữ bên cạnh từng mục để xem và chép vào", "Make a new draft with the same outline, headings, header and signer; this year's text is kept beside each section to read and copy in";
    NextYearSuffix => "(năm sau)", "(next year)";
    NextYearHeading => "Đã tạo báo cáo năm sau", "Next year's report is made";
    NextYearIntro => "Bản thảo mới giữ dàn ý, tiêu đề mục, phần đầu và người ký. Số và ngày văn bản để trống. Nội dung từng mục đã xóa khỏi bài nhưng vẫn giữ bên cạnh mục: bấm “Xem bài năm trước” ở mục đó để xem và chép vào. Số liệu trong bảng đã chuyển sang cột “cùng kỳ” (bảng không có cột đó thì để trống).", "The new draft keeps the outline, section headings, header and signer. The number and date are left blank. Each section's text was cleared but is kept beside the section: click “Show last year's text” there to read and copy it in. Table figures moved into the “same period last year” column (tables without one are left blank).";
    NextYearChangesHeading => "Hãy xem lại các chỗ đã đổi năm:", "Review the years that were changed:";
    NextYearNoChanges => "Không thấy năm nào trong tên, trích yếu, tiêu đề mục hay bảng để đổi; hãy tự xem lại các chỗ ghi năm.", "No year was found to change in the name, subject, headings or tables; check any years yourself.";
    NextYearKept => "Năm trong ngày tháng và số hiệu văn bản (như “ngày 5/1/2025”, “30/2020/NĐ-CP”) và nhiệm kỳ nhiều năm được giữ nguyên.", "Years in dates and document numbers (such as “ngày 5/1/2025”, “30/2020/NĐ-CP”) and multi-year terms were left as they were.";
    OpenNewDraft => "Mở bản thảo mới", "Open the new draft";
    CloseReview => "Đóng", "Close";
    ShowLastYear => "Xem bài năm trước", "Show last year's text";
    HideLastYear => "Ẩn bài năm trước", "Hide last year's text";
    HideUnits => "Ẩn bài của các đơn vị", "Hide the units' texts";
    BesideRegion => "Bài viết để tham khảo (chỉ xem, không in ra)", "Texts for reference (read-only, never printed)";
    CopyIntoSection => "Chép vào mục này", "Copy into this section";
    CopyIntoSectionHint => "Thêm bài này vào cuối mục (có thể hoàn tác bằng Ctrl+Z)", "Add this text at the end of the section (Ctrl+Z undoes it)";
    CopyText => "Chép chữ", "Copy text";
    CopiedText => "Đã chép chữ vào bộ nhớ tạm; dán (Ctrl+V) vào chỗ cần.", "The text is on the clipboard; paste it (Ctrl+V) where you need it.";
    CopyTextFailed => "Trình duyệt không cho chép vào bộ nhớ tạm. Hãy bôi đen chữ trong khung rồi nhấn Ctrl+C.", "The browser did not allow copying to the clipboard. Select the text in the box and press Ctrl+C.";
    CopiedIntoSection => "Đã chép bài năm trước vào mục; nhấn Ctrl+Z nếu muốn bỏ.", "Last year's text was copied into the section; press Ctrl+Z to take it back.";
    CopiedUnitIntoSection => "Đã chép bài của đơn vị vào mục; nhấn Ctrl+Z nếu muốn bỏ.", "The unit's text was copied into the section; press Ctrl+Z to take it back.";
    // The parts of the app downloaded on first use (issue 19, point 4).
    PartLoading => "Đang tải…", "Loading…";
    PartNotLoaded => "Chưa tải được phần này của ứng dụng (mất kết nối?). Bản nháp vẫn an toàn; hãy kiểm tra mạng rồi bấm lại.", "This part of the app could not be downloaded (connection lost?). The draft is safe; check the network and click again.";
    PartRetry => "Thử lại", "Try again";
    // Printing from Firefox (issue 19, point 8).
    PrintInFirefox => "Firefox in không đánh số trang và có thể sang trang lệch một dòng so với bản xem trước. Để có bản đúng thể thức, hãy tải tệp Word (Xuất tệp ▸ Word) hoặc in bằng Chrome, Cốc Cốc, Edge.", "Firefox prints without page numbers and may turn a page a line away from the preview. For a copy in the official layout, download the Word file (Export ▸ Word) or print from Chrome, Cốc Cốc or Edge.";
    Rename => "Đổi tên", "Rename";
    RenameLabel => "Tên mới của bản thảo", "New draft name";
    MoveToTrash => "Xóa", "Delete";
    TrashHeading => "Thùng rác (tự dọn sau 30 ngày)", "Trash (emptied after 30 days)";
    RestoreFromTrash => "Khôi phục", "Restore";
    EmptyTrash => "Dọn sạch thùng rác", "Empty the trash";
    ConfirmEmptyTrash => "Xóa hẳn mọi bản thảo trong thùng rác khỏi máy này? Không lấy lại được nữa; hãy bấm “Khôi phục” trước cho bản nào còn cần.", "Delete every draft in the trash from this computer for good? They cannot be brought back; click “Restore” first for any you still need.";
    SetAsideHeading => "Dữ liệu không đọc được (đã cất riêng, không bị ghi đè)", "Entries that could not be read (kept aside, never overwritten)";
    Download => "Tải về", "Download";
    ConfirmDropUnsaved => "Những thay đổi mới nhất của bản thảo này CHƯA lưu được trên máy (bộ nhớ trình duyệt đầy hoặc bị chặn) và chưa được tải về thành tệp. Nếu đóng bây giờ, chúng sẽ mất. Bấm “Hủy” rồi “Tải tệp bản thảo” để giữ lại; bấm “OK” để vẫn đóng.", "The latest changes to this draft are NOT saved on this computer (the browser's storage is full or blocked) and have not been downloaded as a file. Closing now loses them. Click “Cancel”, then “Download draft”, to keep them; click “OK” to close anyway.";
    VersionNotKept => "Chưa thay được nội dung: không lưu được bản sao của nội dung hiện tại trước khi thay (bộ nhớ trình duyệt đầy hoặc bị chặn). Nội dung hiện tại vẫn nguyên. Hãy tải tệp bản thảo về máy, xóa bớt bản thảo cũ, rồi thử lại.", "The text was not replaced: a copy of the current text could not be kept first (the browser's storage is full or blocked). The current text is unchanged. Download the draft file, delete old drafts, then try again.";
    NotReadBack => "Trình duyệt không lưu đúng nội dung (đọc lại thấy khác). Hãy tải tệp bản thảo về máy để giữ nội dung.", "The browser did not store the text correctly (it read back differently). Download the draft file to keep your text.";
    NothingOpen => "Chưa mở bản thảo nào.", "No draft is open.";
    DeletedElsewhere => "Bản thảo này đã bị xóa hẳn ở một tab khác, nên tab này không lưu nó nữa. Nếu cần giữ nội dung, hãy tải tệp bản thảo về.", "This draft was deleted for good in another tab, so this tab no longer saves it. To keep the text, download the draft file.";
    RenamedElsewhere => "Bản thảo vừa được đổi tên ở một tab khác; tên mới được giữ.", "The draft was renamed in another tab; the new name is kept.";
    TrashedElsewhere => "Bản thảo này vừa được chuyển vào thùng rác ở một tab khác; những gì bạn gõ vẫn được lưu vào đó.", "This draft was moved to the trash in another tab; what you type is still saved there.";
    TakenOverUnsavedKept => "Tab khác đã nhận sửa bản thảo này. Những thay đổi chưa lưu được vẫn còn ở tab này: hãy bấm “Tải tệp bản thảo” để giữ chúng.", "Another tab took this draft over. The changes that could not be saved are still in this tab: click “Download draft” to keep them.";
    ConfirmTakeOverUnsaved => "Tab đang sửa bản thảo này còn những thay đổi CHƯA lưu được (bộ nhớ đầy). Nếu nhận sửa ở đây, các thay đổi đó chỉ còn ở tab kia (tab kia vẫn tải về được). Vẫn nhận sửa ở tab này?", "The tab editing this draft has changes that could NOT be saved (storage full). If you take over here, those changes stay only in that tab (it can still download them). Take over anyway?";
    ConfirmRemoveSetAside => "Xóa hẳn mục không đọc được này khỏi máy? Hãy tải nó về trước nếu còn cần.", "Delete this unreadable entry from this computer for good? Download it first if you may need it.";
    RemoveSetAside => "Xóa", "Delete";
    StorageNearlyFull => "Sắp đầy: mở từng bản thảo cũ, bấm “Tải tệp bản thảo (.json)” để giữ một bản trên máy, rồi xóa bản thảo đó và dọn sạch thùng rác.", "Nearly full: open each old draft, click “Download draft (.json)” to keep a copy on this computer, then delete the draft and empty the trash.";
    VersionsHeading => "Phiên bản trên máy", "Local versions";
    Versions => "Phiên bản", "Versions";
    VersionsLabel => "Các phiên bản tự lưu của bản thảo", "Automatic versions of this draft";
    RestoreVersion => "Khôi phục", "Restore";
    ReasonOpened => "khi mở", "on open";
    ReasonPeriodic => "tự động", "automatic";
    ReasonBeforeRestore => "trước khi khôi phục", "before a restore";
    ReasonBeforeImport => "trước khi nhập", "before an import";
    NoVersions => "Chưa có phiên bản nào.", "No versions yet.";
    OpenFile => "Mở tệp…", "Open file…";
    OpenFileLabel => "Mở tệp bản thảo hoặc tệp mẫu .json, hay một báo cáo cũ dạng .txt (Ctrl+O); cũng có thể kéo thả tệp vào trang", "Open a .json draft or template file, or an old report as .txt (Ctrl+O); you can also drop a file on the page";
    ImportHeading => "Mở tệp", "Open file";
    ImportDraftKind => "Bản thảo", "Draft";
    ImportTemplateKind => "Mẫu báo cáo", "Report outline";
    ImportSections => "Số mục", "Sections";
    ImportSize => "Dung lượng", "Size";
    ImportAsNew => "Mở thành bản thảo mới", "Open as a new draft";
    ImportReplace => "Thay nội dung bản thảo đang mở", "Replace the open draft";
    ImportReplaceHint => "Nội dung hiện tại được lưu thành một phiên bản trước khi thay, và có thể hoàn tác.", "The current text is kept as a version first, and the replacement can be undone.";
    ImportUnplaced => "Chưa xếp được (không đưa vào bản thảo; hãy tự chép vào chỗ đúng nếu cần):", "Not placed (left out of the draft; copy them where they belong if needed):";
    ImportAddTemplate => "Thêm vào danh sách mẫu", "Add to the outlines";
    ImportIssuingBody => "Cơ quan ban hành", "Issuing body";
    ImportNumber => "Số, ký hiệu", "Number and symbol";
    ImportSigner => "Người ký", "Signer";
    ImportConvertedTcvn3 => "Văn bản ở bảng mã cũ TCVN3 (phông .VnTime) đã được chuyển sang Unicode. Hãy xem lại các chữ có dấu, nhất là chữ in hoa.", "The text was in the old TCVN3 encoding (.VnTime fonts) and was converted to Unicode. Check the accented letters, capitals above all.";
    // -- idlg --
    ImportFoundHeading => "Đã đọc được", "What was found";
    ImportMissing => "chưa có — điền sau khi mở", "missing — fill it in after opening";
    ImportSuperiorBody => "Cơ quan cấp trên", "Superior body";
    ImportPlaceDate => "Địa danh, ngày tháng", "Place and date";
    ImportDocTitle => "Tiêu đề", "Title";
    ImportSubject => "Trích yếu", "Subject";
    ImportRecipients => "Nơi nhận", "Recipients";
    ImportStructure => "Bố cục", "Structure";
    ImportDivisions => "PHẦN", "Divisions";
    ImportParts => "Phần (I, II)", "Parts (I, II)";
    ImportItems => "Mục (1, 2)", "Items (1, 2)";
    ImportPoints => "Điểm (a, b)", "Points (a, b)";
    ImportTables => "Bảng", "Tables";
    ImportAppendices => "Phụ lục", "Appendices";
    ImportEncoding => "Bảng mã", "Encoding";
    ImportUnplacedCount => "Dòng chưa xếp được", "Lines not placed";
    ImportPicturesUnplaced => "Hình chưa đưa vào", "Pictures left out";
    ImportRulesetLabel => "Mở theo thể thức", "Open with the layout rules of";
    ImportReading => "Đang đọc văn bản…", "Reading the text…";
    PasteHeading => "Từ một báo cáo cũ", "From an existing report";
    PasteHint => "Dán (Ctrl+V) văn bản chép từ Word, PDF hay trang web vào ô dưới đây, hoặc mở tệp .txt bằng «Mở tệp…». Phần, mục, gạch đầu dòng, Ưu điểm/Hạn chế…, tiêu đề và chữ ký được xếp vào đúng chỗ; bảng mã TCVN3 (.VnTime) được tự chuyển sang Unicode.", "Paste (Ctrl+V) text copied from Word, a PDF or a web page into the box below, or open a .txt file with “Open file…”. Parts, items, bullets, assessments, the header and the signature are put in place; TCVN3 (.VnTime) text is converted to Unicode.";
    PasteLabel => "Văn bản báo cáo cũ", "Text of the existing report";
    PasteRead => "Chuyển thành bản thảo…", "Turn into a draft…";
    Cancel => "Hủy", "Cancel";
    ImportedTemplate => "Đã thêm mẫu vào danh sách.", "The outline was added to the list.";
    Export => "Xuất tệp", "Export";
    Check => "Kiểm tra thể thức", "Format check";
    CheckHeading => "Kiểm tra thể thức trước khi xuất", "Format check before export";
    CheckAllGood => "Không thấy gì thiếu hay sai thể thức.", "Nothing missing or off.";
    CheckHint => "Bấm vào một dòng để đến chỗ cần sửa. Vẫn xuất được khi còn điểm chưa đạt.", "Pick a line to go to the place. Export still works with open points.";
    FindingMissingIssuingBody => "Thiếu cơ quan ban hành.", "The issuing body is missing.";
    FindingMissingSuperiorBody => "Thiếu cơ quan cấp trên.", "The superior body is missing.";
    FindingMissingNumber => "Chưa có số, ký hiệu văn bản.", "The number and symbol are missing.";
    FindingDateIncomplete => "Dòng ngày tháng chưa có năm.", "The date line has no year.";
    FindingMissingPlace => "Thiếu địa danh ở dòng ngày tháng.", "The place of the date line is missing.";
    FindingMissingSubject => "Thiếu trích yếu.", "The subject line is missing.";
    FindingMissingSigningAuthority => "Thiếu thẩm quyền ký (T/M …, TM. …).", "The signing authority is missing.";
    FindingMissingSignerName => "Thiếu họ tên người ký.", "The signer's name is missing.";
    FindingMissingRecipients => "Thiếu nơi nhận.", "The recipients are missing.";
    FindingPlaceRecipients => "Nơi nhận", "The recipients";
    PageHeading => "Trang", "Page";
    PageMarginTop => "Lề trên (mm)", "Top margin (mm)";
    PageMarginBottom => "Lề dưới (mm)", "Bottom margin (mm)";
    PageMarginLeft => "Lề trái (mm)", "Left margin (mm)";
    PageMarginRight => "Lề phải (mm)", "Right margin (mm)";
    PageBodySize => "Cỡ chữ nội dung (pt)", "Body text size (pt)";
    PageLineSpacing => "Giãn dòng (lần cỡ chữ)", "Line spacing (times the size)";
    PageOrientation => "Hướng giấy", "Orientation";
    PagePortrait => "Khổ dọc", "Portrait";
    PageLandscape => "Khổ ngang", "Landscape";
    PageReset => "Về mặc định", "Back to the defaults";
    ExportDocx => "Word (.docx) đúng thể thức", "Word (.docx) in the official layout";
    ExportHtml => "Trang HTML (mở được lại)", "HTML page (opens again)";
    ExportMarkdown => "Markdown (.md)", "Markdown (.md)";
    ExportText => "Văn bản thường (.txt)", "Plain text (.txt)";
    // The offline copy (service worker): a new version waits for a click.
    UpdateAvailable => "Có phiên bản mới của Báo cáo. Bản thảo của bạn vẫn được giữ nguyên.", "A new version of Báo cáo is available. Your drafts stay as they are.";
    UpdateReload => "Tải lại để dùng bản mới", "Reload to use it";
    UpdateWaitsForSave => "Chưa tải lại: có thay đổi chưa lưu được trên máy. Hãy tải tệp bản thảo về máy trước.", "Not reloaded: some changes could not be saved on this computer. Download the draft file first.";
    // In-app browsers (Zalo, Facebook, Messenger), where a download cannot start.
    InAppHeading => "Tệp chưa được tải về", "The file was not downloaded";
    InAppCannotDownload => "Trình duyệt trong ứng dụng này không tải tệp về được. Hãy mở bằng trình duyệt (Chrome, Cốc Cốc, Safari…)", "This app's built-in browser cannot download files. Open the page in a browser (Chrome, Cốc Cốc, Safari…)";
    InAppShareFile => "Chia sẻ tệp", "Share the file";
    InAppShareHint => "Gửi tệp sang ứng dụng khác: Lưu vào Tệp, Google Drive, Cloud của tôi trên Zalo, thư điện tử…", "Send the file to another app: Save to Files, Google Drive, Zalo's My Cloud, email…";
    InAppCannotShare => "Trình duyệt này cũng không chia sẻ được tệp. Hãy mở trang bằng trình duyệt như hướng dẫn dưới đây.", "This browser cannot share files either. Open the page in a browser as shown below.";
    InAppOpenHeading => "Mở bằng trình duyệt", "Open in a browser";
    InAppOpenHow => "Bấm nút ⋯ (góc trên bên phải), rồi chọn “Mở bằng trình duyệt” (có ứng dụng ghi “Mở trong trình duyệt ngoài”).", "Tap the ⋯ button (top right), then choose “Open in browser” (some apps say “Open in external browser”).";
    InAppOpenDraft => "Bản thảo đang lưu trong trình duyệt của ứng dụng này, trình duyệt kia chưa có: hãy chia sẻ tệp bản thảo (.json) trước, rồi ở trình duyệt kia bấm “Mở tệp…” để mở nó.", "The draft is kept in this app's browser, which the other browser cannot see: share the draft file (.json) first, then open it there with “Open file…”.";
    InAppShared => "Đã gửi tệp sang ứng dụng khác.", "The file was sent to another app.";
    InAppShareFailed => "Không chia sẻ được tệp. Hãy thử lại, hoặc mở trang bằng trình duyệt.", "The file could not be shared. Try again, or open the page in a browser.";
    InAppClose => "Đóng", "Close";
    // Pictures in figure blocks (issue 19, point 6).
    ChoosePicture => "Chọn ảnh…", "Choose a picture…";
    ChangePicture => "Đổi ảnh…", "Change the picture…";
    RemovePicture => "Bỏ ảnh", "Remove the picture";
    PictureHint => "Hoặc kéo thả ảnh vào đây, hay dán ảnh (Ctrl+V).", "Or drop a picture here, or paste one (Ctrl+V).";
    PictureMissing => "Không tìm thấy ảnh này trên máy: chỉ còn chú thích. Hãy chọn lại ảnh.", "This picture is not on this computer: only its caption is left. Choose the picture again.";
    PictureWorking => "Đang thu nhỏ ảnh…", "Scaling the picture down…";
    PictureAlt => "Ảnh minh họa", "Picture";
    // -- storage: the bulk store, the meter and erasing (issue 19) --
    EraseRefusedElsewhere => "Chưa xóa: một thẻ khác đang sửa bản thảo và sẽ lưu lại nó. Hãy đóng các thẻ khác của Báo cáo rồi thử lại.", "Nothing was erased: another tab is editing a draft and would save it back. Close the other Báo cáo tabs, then try again.";
    EraseRefusedAtRisk => "Chưa xóa: bản thảo đang mở còn thay đổi chưa lưu được trên máy. Hãy tải tệp bản thảo về trước, rồi thử lại.", "Nothing was erased: the open draft has changes not yet saved on this computer. Download the draft file first, then try again.";
    EraseAll => "Xóa dữ liệu trên máy này", "Erase the data on this computer";
    EraseHeading => "Xóa mọi dữ liệu của Báo cáo trên máy này?", "Erase all of Báo cáo's data on this computer?";
    EraseDownloadFirst => "Tải về tất cả trước khi xóa", "Download everything before erasing";
    EraseConfirm => "Xóa hết", "Erase everything";
    EraseCancel => "Không xóa", "Keep everything";
    EraseCannotUndo => "Không thể hoàn tác. Những gì đã tải về thành tệp vẫn mở lại được bằng “Mở tệp”.", "This cannot be undone. What you downloaded as files can be opened again with “Open file”.";
    Erased => "Đã xóa mọi dữ liệu của Báo cáo trên máy này.", "All of Báo cáo's data on this computer was erased.";
    EraseFailed => "Chưa xóa được: trình duyệt báo lỗi. Dữ liệu vẫn còn nguyên; hãy thử lại.", "Nothing was erased: the browser reported an error. Everything is still there; try again.";
    // -- storage: closed drafts, the trash and pictures in the bulk store (issue 19) --
    BulkInLocal => "Trình duyệt này không cho dùng kho lớn (IndexedDB), nên mọi bản thảo, phiên bản và hình ảnh đều được giữ trong bộ nhớ ở dòng trên. Không mất gì, nhưng máy chứa được ít báo cáo hơn; hãy tải các bản thảo cũ về thành tệp.", "This browser does not allow the large store (IndexedDB), so every draft, version and picture is kept in the storage of the line above. Nothing is lost, but fewer reports fit; download old drafts as files.";
}

/// The short label of the texts a ruleset rests on, shown under the
/// ruleset's choice and in the format check: "Thể thức: Quy định
/// 399-QĐ/TW (2026); trình bày theo Hướng dẫn 36-HD/VPTW (2018)".
pub fn ruleset_sources(lang: Lang, sources: &crate::rules::Sources) -> String {
    let (basis, layout) = (&sources.basis, &sources.layout);
    let part = |source: &crate::rules::Source| {
        source
            .part
            .map(|part| format!(", {part}"))
            .unwrap_or_default()
    };
    match (lang, basis == layout) {
        (Lang::Vi, true) => format!(
            "Thể thức và trình bày: {}{} ({}).",
            basis.name,
            part(basis),
            basis.year
        ),
        (Lang::En, true) => format!(
            "Format and layout: {}{} ({}).",
            basis.name,
            part(basis),
            basis.year
        ),
        (Lang::Vi, false) => format!(
            "Thể thức: {}{} ({}); trình bày theo {}{} ({}).",
            basis.name,
            part(basis),
            basis.year,
            layout.name,
            part(layout),
            layout.year
        ),
        (Lang::En, false) => format!(
            "Format: {}{} ({}); layout after {}{} ({}).",
            basis.name,
            part(basis),
            basis.year,
            layout.name,
            part(layout),
            layout.year
        ),
    }
}

/// Why a ruleset's figures come from an older text, when they do: the
/// guidance replacing it has no official text yet.
pub fn ruleset_note(lang: Lang, sources: &crate::rules::Sources) -> Option<String> {
    if !sources.layout_provisional {
        return None;
    }
    let layout = sources.layout.name;
    Some(match lang {
        Lang::Vi => format!("Hướng dẫn mới thay {layout} chưa có văn bản chính thức; lề, cỡ chữ, giãn dòng vẫn theo {layout}."),
        Lang::En => format!("The guidance replacing {layout} has no official text yet; margins, sizes and spacing stay those of {layout}."),
    })
}

/// The message for a number/symbol shape problem.
pub fn number_problem(problem: crate::rules::NumberProblem) -> Msg {
    use crate::rules::NumberProblem;
    match problem {
        NumberProblem::HasPrefix => Msg::ProblemNumberPrefix,
        NumberProblem::PartyShape => Msg::ProblemPartyShape,
        NumberProblem::StateShape => Msg::ProblemStateShape,
        NumberProblem::StateUnpadded => Msg::ProblemStateUnpadded,
    }
}

/// The message for a date problem.
pub fn date_problem(problem: crate::rules::DateProblem) -> Msg {
    use crate::rules::DateProblem;
    match problem {
        DateProblem::DayOutOfRange => Msg::ProblemDayRange,
        DateProblem::MonthOutOfRange => Msg::ProblemMonthRange,
        DateProblem::YearOutOfRange => Msg::ProblemYearRange,
        DateProblem::NoSuchDay => Msg::ProblemNoSuchDay,
    }
}

/// The label of a page setting in the details form.
pub fn page_setting(setting: crate::rules::PageSetting) -> Msg {
    use crate::rules::PageSetting;
    match setting {
        PageSetting::MarginTop => Msg::PageMarginTop,
        PageSetting::MarginBottom => Msg::PageMarginBottom,
        PageSetting::MarginLeft => Msg::PageMarginLeft,
        PageSetting::MarginRight => Msg::PageMarginRight,
        PageSetting::BodySize => Msg::PageBodySize,
        PageSetting::LineSpacing => Msg::PageLineSpacing,
    }
}

/// The label of a details field, as the form shows it.
fn field_label(field: crate::edit::Field) -> Msg {
    use crate::edit::Field;
    match field {
        Field::Title => Msg::FieldTitle,
        Field::SuperiorBody => Msg::FieldSuperiorBody,
        Field::IssuingBody => Msg::FieldIssuingBody,
        Field::NumberSymbol => Msg::FieldNumber,
        Field::Place => Msg::FieldPlace,
        Field::DocType => Msg::FieldDocType,
        Field::Subject => Msg::FieldSubject,
        Field::SigningAuthority => Msg::FieldSigningAuthority,
        Field::Position => Msg::FieldPosition,
        Field::SignerName => Msg::FieldSignerName,
        Field::Author => Msg::FieldAuthor,
    }
}

/// A sentence for a format-check finding.
pub fn describe_finding(lang: Lang, finding: &crate::conformance::Finding) -> String {
    use crate::conformance::Finding;
    let vi = lang == Lang::Vi;
    let section = |reference: &str| {
        if vi {
            format!("Mục {reference}")
        } else {
            format!("Section {reference}")
        }
    };
    let fixed = |msg: Msg| t(lang, msg).to_owned();
    match finding {
        Finding::MissingIssuingBody => fixed(Msg::FindingMissingIssuingBody),
        Finding::MissingSuperiorBody => fixed(Msg::FindingMissingSuperiorBody),
        Finding::SuperiorTooManyLines { lines } => {
            let max = crate::frame::MAX_SUPERIOR_LINES;
            if vi {
                format!("Cơ quan cấp trên ghi {lines} dòng: đầu văn bản chỉ ghi tối đa {max} cấp, mỗi cấp một dòng — bỏ bớt cấp xa nhất.")
            } else {
                format!("The superior body takes {lines} lines: the header names at most {max} levels, one per line — leave out the farthest.")
            }
        }
        Finding::MissingNumber => fixed(Msg::FindingMissingNumber),
        Finding::NumberShape(problem) => fixed(number_problem(*problem)),
        Finding::DateIncomplete => fixed(Msg::FindingDateIncomplete),
        Finding::Date(problem) => fixed(date_problem(*problem)),
        Finding::MissingPlace => fixed(Msg::FindingMissingPlace),
        Finding::MissingSubject => fixed(Msg::FindingMissingSubject),
        Finding::SubjectCapital => fixed(Msg::ProblemSubjectCapital),
        Finding::MissingSigningAuthority => fixed(Msg::FindingMissingSigningAuthority),
        Finding::MissingSignerName => fixed(Msg::FindingMissingSignerName),
        Finding::MissingRecipients => fixed(Msg::FindingMissingRecipients),
        Finding::MissingHeading { reference } => {
            if vi {
                format!(
                    "{}: chưa có tiêu đề — ghi tiêu đề sau số, hoặc viết một đoạn văn ngay dưới số.",
                    section(reference)
                )
            } else {
                format!(
                    "{}: no heading — write one after the number, or a paragraph right below it.",
                    section(reference)
                )
            }
        }
        Finding::EmptySection { reference } => {
            if vi {
                format!(
                    "{}: còn trống — viết nội dung hoặc ghi “không có”.",
                    section(reference)
                )
            } else {
                format!(
                    "{}: empty — write it, or say “không có”.",
                    section(reference)
                )
            }
        }
        Finding::EmptyAssessment { reference, label } => {
            if vi {
                format!(
                    "{}: “{label}” chưa có nội dung, cũng chưa đánh dấu “không có”.",
                    section(reference)
                )
            } else {
                format!(
                    "{}: “{label}” is neither filled in nor marked “không có”.",
                    section(reference)
                )
            }
        }
        Finding::PageOutOfRange {
            setting,
            value,
            min,
            max,
        } => {
            let label = t(lang, page_setting(*setting));
            if vi {
                // The figures come as the form writes them ("1.15", below
                // a thousand): Vietnamese writes the decimal with a comma.
                let (value, min, max) = (
                    value.replace('.', ","),
                    min.replace('.', ","),
                    max.replace('.', ","),
                );
                format!("Trang: {label} là {value}, ngoài khoảng {min}–{max} theo quy định.")
            } else {
                format!("Page: {label} is {value}, outside the rules' {min}–{max}.")
            }
        }
        Finding::ObsoleteBody { place, words } => {
            use crate::conformance::WordsPlace;
            let quoted = words
                .iter()
                .map(|word| format!("“{word}”"))
                .collect::<Vec<_>>()
                .join(", ");
            let where_ = match place {
                WordsPlace::Field(field) => t(lang, field_label(*field)).to_owned(),
                WordsPlace::Recipients => t(lang, Msg::FindingPlaceRecipients).to_owned(),
                WordsPlace::Opening => t(lang, Msg::PreambleHeading).to_owned(),
                // "II.1" is a section; "Phần 1, II" and "PHỤ LỤC I" name
                // themselves.
                WordsPlace::Section { reference }
                    if reference
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_digit() || "IVXLC".contains(c)) =>
                {
                    section(reference)
                }
                WordsPlace::Section { reference } => reference.clone(),
            };
            match (vi, place.names_a_body()) {
                (true, true) => format!("{where_} ghi {quoted}: từ 01/7/2025 không còn cấp huyện (huyện, quận, thị xã) và thị trấn — ghi cơ quan hiện nay (tỉnh, xã, phường)."),
                (true, false) => format!("{where_} nhắc {quoted}: từ 01/7/2025 không còn cấp huyện và thị trấn — kiểm tra lại; nếu chỉ nói về thời trước khi sắp xếp thì để nguyên."),
                (false, true) => format!("{where_} names {quoted}: since 1 July 2025 there are no districts (huyện, quận, thị xã) nor thị trấn — name today's body (province, commune, ward)."),
                (false, false) => format!("{where_} mentions {quoted}: since 1 July 2025 there are no districts nor thị trấn — check it again; leave it if it speaks of the time before."),
            }
        }
        Finding::NotNfc { reference } => {
            if vi {
                format!(
                    "{}: có chữ ở dạng Unicode tổ hợp (NFD); nên gõ lại bằng Unicode dựng sẵn.",
                    section(reference)
                )
            } else {
                format!(
                    "{}: has decomposed (NFD) text; retype it in precomposed Unicode.",
                    section(reference)
                )
            }
        }
        Finding::TypedDisagrees {
            place,
            typed,
            computed,
        } => {
            let place = cell_place(lang, place);
            if vi {
                format!("{place}: số gõ tay {typed} khác với số tính từ các hàng ({computed}). Sửa lại, hoặc trả ô về tính tự động.")
            } else {
                format!("{place}: the typed figure {typed} differs from what the rows give ({computed}). Correct it, or let the cell be computed again.")
            }
        }
        Finding::EmptyCell { place, along } => {
            use crate::conformance::EmptyAlong;
            let place = cell_place(lang, place);
            let (vi_along, en_along) = match along {
                EmptyAlong::Row => ("cùng hàng", "in its row"),
                EmptyAlong::Column => ("cùng cột", "in its column"),
                EmptyAlong::Both => ("cùng hàng và cùng cột", "in its row and column"),
            };
            if vi {
                format!("{place}: ô còn trống trong khi các ô khác {vi_along} đã có số liệu. Ghi 0 nếu không có.")
            } else {
                format!("{place}: empty while the other cells {en_along} are filled in. Write 0 if there is none.")
            }
        }
        Finding::PercentOver100 { place, value } => {
            let place = cell_place(lang, place);
            if vi {
                format!("{place}: tỉ lệ {value}% vượt quá 100% — phần lớn hơn tổng; hãy kiểm tra lại số liệu.")
            } else {
                format!("{place}: {value}% is above 100% — the part exceeds the whole; check the figures.")
            }
        }
        Finding::DivisionWithoutHeading { reference } => {
            if vi {
                format!("{reference}: chưa có tên phần — ghi nội dung của phần sau số phần.")
            } else {
                format!("{reference}: the division has no heading — write what it is about after its number.")
            }
        }
        Finding::PartOutsideDivisions { reference } => {
            if vi {
                format!("{}: đứng ngoài các phần (PHẦN) trong khi báo cáo đã chia phần — đưa mục này vào một phần.", section(reference))
            } else {
                format!("{}: stands outside the divisions (PHẦN) of a report divided into them — move it into a division.", section(reference))
            }
        }
        Finding::EmptyAppendix { reference } => {
            if vi {
                format!(
                    "{reference}: phụ lục chưa có nội dung — thêm bảng, nội dung hoặc xóa phụ lục."
                )
            } else {
                format!("{reference}: the appendix is empty — add a table or text, or delete it.")
            }
        }
    }
}

/// Where a table cell is, for a finding: "Mục II.1, bảng “Kết quả …”,
/// hàng “Kết nạp”, cột “Kỳ này”" (numbers where a label is empty).
fn cell_place(lang: Lang, place: &crate::conformance::CellPlace) -> String {
    let vi = lang == Lang::Vi;
    let mut out = match (place.reference.is_empty(), vi) {
        (true, true) => "Phần mở đầu".to_owned(),
        (true, false) => "Opening".to_owned(),
        (false, true) => format!("Mục {}", place.reference),
        (false, false) => format!("Section {}", place.reference),
    };
    let table = if vi { "bảng" } else { "table" };
    if place.caption.is_empty() {
        out.push_str(&format!(", {table}"));
    } else {
        out.push_str(&format!(", {table} “{}”", place.caption));
    }
    let (row, column) = if vi {
        ("hàng", "cột")
    } else {
        ("row", "column")
    };
    if place.row_label.is_empty() {
        out.push_str(&format!(", {row} {}", place.row));
    } else {
        out.push_str(&format!(", {row} “{}”", place.row_label));
    }
    if place.column_label.is_empty() {
        out.push_str(&format!(", {column} {}", place.column));
    } else {
        out.push_str(&format!(", {column} “{}”", place.column_label));
    }
    out
}

/// The examples under the header and signature fields, from the ruleset
/// the draft follows: a State report is shown State bodies, a Party report
/// Party ones (after 1 July 2025 there are no districts: provinces and
/// communes).
pub fn example_hints(ruleset: crate::model::Ruleset) -> ExampleHints {
    use crate::model::Ruleset;
    match ruleset {
        Ruleset::Party => ExampleHints {
            superior_body: Msg::FieldSuperiorBodyHintParty,
            issuing_body: Msg::FieldIssuingBodyHintParty,
            number: Msg::FieldNumberHintParty,
            signing_authority: Msg::FieldSigningAuthorityHintParty,
        },
        Ruleset::State => ExampleHints {
            superior_body: Msg::FieldSuperiorBodyHintState,
            issuing_body: Msg::FieldIssuingBodyHintState,
            number: Msg::FieldNumberHintState,
            signing_authority: Msg::FieldSigningAuthorityHintState,
        },
    }
}

/// The hints of the fields whose examples depend on the ruleset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExampleHints {
    pub superior_body: Msg,
    pub issuing_body: Msg,
    pub number: Msg,
    pub signing_authority: Msg,
}

/// `value` rounded to `decimals` decimals, written the way `lang` writes
/// numbers: "1.234,5" in Vietnamese, "1,234.5" in English. Decimals that
/// are all zero are left out ("10", not "10,0").
pub fn format_number(lang: Lang, value: f64, decimals: usize) -> String {
    let (thousands, decimal) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    let fixed = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut out = String::new();
    if value < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(digit);
    }
    if fraction.chars().any(|c| c != '0') {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

/// A size in bytes for people: KB, MB or GB (of 1,024), one decimal below
/// ten and none above, in `lang`'s number format: "0,5 KB", "1,2 MB",
/// "10 MB" in Vietnamese.
pub fn format_size(lang: Lang, bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    let decimals = if value < 9.95 { 1 } else { 0 };
    format!("{} {}", format_number(lang, value, decimals), UNITS[unit])
}

/// The storage line of the library: what the drafts take of what the
/// browser gives the page.
pub fn storage_sentence(lang: Lang, used: u64, capacity: u64, percent: u32) -> String {
    let (used, capacity) = (format_size(lang, used), format_size(lang, capacity));
    match lang {
        Lang::Vi => format!(
            "Các bản thảo đang dùng {used} trong khoảng {capacity} trình duyệt dành cho trang này ({percent} %)."
        ),
        Lang::En => format!(
            "The drafts use {used} of the about {capacity} the browser gives this page ({percent}%)."
        ),
    }
}

/// The meter's line for the bulk store (versions and pictures, in the
/// browser's IndexedDB): what it takes. The browser's quota for it (many
/// gigabytes) is not shown: it is not what fills up first.
pub fn bulk_storage_sentence(lang: Lang, used: u64) -> String {
    let used = format_size(lang, used);
    match lang {
        Lang::Vi => {
            format!("Các bản thảo đã đóng, thùng rác, phiên bản và hình ảnh đang dùng thêm {used} trong kho lớn của trình duyệt.")
        }
        Lang::En => {
            format!("Closed drafts, the trash, versions and pictures use another {used} in the browser's large store.")
        }
    }
}

/// What erasing removes, counted, for the confirmation to name.
pub fn erase_sentence(lang: Lang, plan: &crate::persist::bulk::ErasePlan) -> String {
    match lang {
        Lang::Vi => format!(
            "Sẽ xóa: {} bản thảo, {} bản thảo trong thùng rác, phiên bản tự lưu của {} bản thảo, {} hình ảnh, {} mẫu đã nhập.",
            plan.drafts, plan.trashed, plan.versioned_drafts, plan.pictures, plan.templates
        ),
        Lang::En => format!(
            "To be erased: {} drafts, {} drafts in the trash, the automatic versions of {} drafts, {} pictures, {} imported templates.",
            plan.drafts, plan.trashed, plan.versioned_drafts, plan.pictures, plan.templates
        ),
    }
}

/// A sentence saying why a session operation did not happen, and what to
/// do.
pub fn describe_session_error(lang: Lang, error: &crate::session::SessionError) -> String {
    use crate::edit::EditError;
    use crate::persist::library::StoreError;
    use crate::session::SessionError;
    use crate::table::TableError;
    let msg = match error {
        SessionError::Storage(StoreError::QuotaExceeded) => Msg::BannerStorageFull,
        SessionError::Storage(StoreError::Unavailable) => Msg::BannerStorageUnavailable,
        SessionError::Storage(StoreError::Other(_)) => Msg::BannerStorageOther,
        SessionError::NotReadBack => Msg::NotReadBack,
        SessionError::Unreadable { .. } | SessionError::Missing => Msg::DraftUnreadable,
        SessionError::ReadOnly => Msg::ReadOnlyEdit,
        SessionError::NothingOpen => Msg::NothingOpen,
        SessionError::VersionNotKept(_) => Msg::VersionNotKept,
        SessionError::DeletedElsewhere => Msg::DeletedElsewhere,
        SessionError::EditedElsewhere => Msg::EraseRefusedElsewhere,
        SessionError::WorkAtRisk => Msg::EraseRefusedAtRisk,
        SessionError::Edit(error) => match error {
            EditError::NotFound(_) => Msg::EditErrorNotFound,
            EditError::HeadingLocked(_) => Msg::EditErrorLocked,
            EditError::AtEdge => Msg::EditErrorAtEdge,
            EditError::TooDeep => Msg::EditErrorTooDeep,
            EditError::NoPlaceToGo => Msg::EditErrorNoPlace,
            EditError::BadIndex(_) => Msg::EditErrorBadIndex,
            EditError::WrongPlace => Msg::EditErrorWrongPlace,
            EditError::Table(error) => match error {
                TableError::NotFound => Msg::EditErrorNotFound,
                TableError::AtEdge => Msg::EditErrorAtEdge,
                TableError::Computed => Msg::TableErrorComputed,
                TableError::BadMerge => Msg::TableErrorBadMerge,
                TableError::TooBig => Msg::TableErrorTooBig,
                TableError::LastOne => Msg::TableErrorLastOne,
                TableError::MoveThroughMerge => Msg::TableErrorMoveThroughMerge,
            },
        },
    };
    t(lang, msg).to_owned()
}

// -- docx --

/// A sentence for a Word file that could not be read: what happened and
/// what to do.
pub fn describe_docx_error(lang: Lang, error: &crate::import_docx::DocxError) -> String {
    use crate::import_docx::{DocxError, ZipProblem, MAX_DOCX_BYTES};
    let vi = lang == Lang::Vi;
    let paste_vi = "Hãy mở tệp trong Word, chọn hết (Ctrl+A), chép (Ctrl+C) rồi dán (Ctrl+V) vào ô “Từ một báo cáo cũ”.";
    let paste_en = "Open the file in Word, select all (Ctrl+A), copy (Ctrl+C), then paste (Ctrl+V) into the “From an existing report” box.";
    let (text_vi, text_en): (String, String) = match error {
        DocxError::TooLarge { bytes } => (
            format!(
                "Tệp Word quá lớn ({}; giới hạn {}) nên không mở. Nếu tệp có nhiều ảnh, hãy lưu một bản không có ảnh (hoặc nén ảnh trong Word) rồi mở lại.",
                format_size(Lang::Vi, *bytes as u64),
                format_size(Lang::Vi, MAX_DOCX_BYTES as u64)
            ),
            format!(
                "The Word file is too large ({}; the limit is {}), so it was not opened. If it holds many pictures, save a copy without them (or compress them in Word) and open that.",
                format_size(Lang::En, *bytes as u64),
                format_size(Lang::En, MAX_DOCX_BYTES as u64)
            ),
        ),
        DocxError::NotWord => (
            "Tệp này không phải tệp Word (.docx). Hãy chọn đúng tệp báo cáo.".into(),
            "This file is not a Word file (.docx). Pick the report's file.".into(),
        ),
        DocxError::Damaged(problem) => {
            let detail = match problem {
                ZipProblem::Method { .. } => "kiểu nén lạ / an unknown compression",
                ZipProblem::Zip64 => "zip64",
                ZipProblem::BadName(_) => "tên mục không hợp lệ / an invalid entry name",
                ZipProblem::Overlapping => "các mục chồng lên nhau / overlapping entries",
                _ => "không đầy đủ / incomplete",
            };
            (
                format!("Tệp Word bị hỏng ({detail}) nên không đọc được. Hãy mở tệp trong Word và lưu lại thành .docx, hoặc xin người gửi gửi lại tệp."),
                format!("The Word file is damaged ({detail}), so it cannot be read. Open it in Word and save it again as .docx, or ask the sender for the file again."),
            )
        }
        DocxError::Encrypted => (
            "Tệp Word có đặt mật khẩu nên không đọc được. Hãy mở tệp trong Word, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu) rồi lưu lại.".into(),
            "The Word file is protected with a password, so it cannot be read. Open it in Word, remove the password (File → Info → Protect Document) and save it.".into(),
        ),
        DocxError::PartTooLarge { part, bytes } => (
            format!("Tệp Word có phần “{part}” bung ra quá lớn ({}) nên không mở, để giữ an toàn cho trình duyệt. {paste_vi}", format_size(Lang::Vi, *bytes)),
            format!("The Word file's part “{part}” unpacks to too much ({}), so it was not opened, to keep the browser safe. {paste_en}", format_size(Lang::En, *bytes)),
        ),
        DocxError::MissingPart(part) => (
            format!("Tệp Word thiếu phần “{part}” nên không đọc được. Hãy mở tệp trong Word và lưu lại thành .docx."),
            format!("The Word file lacks its part “{part}”, so it cannot be read. Open it in Word and save it again as .docx."),
        ),
        DocxError::NotWellFormed { part } => (
            format!("Phần “{part}” của tệp Word bị hỏng (XML không đúng dạng). Hãy mở tệp trong Word và lưu lại thành .docx. {paste_vi}"),
            format!("The Word file's part “{part}” is damaged (malformed XML). Open it in Word and save it again as .docx. {paste_en}"),
        ),
        DocxError::Doctype => (
            "Tệp Word có khai báo DOCTYPE, điều Word không bao giờ ghi; tệp không được mở để giữ an toàn. Hãy mở tệp trong Word và lưu lại thành .docx.".into(),
            "The Word file declares a DOCTYPE, which Word never writes; it was not opened, for safety. Open it in Word and save it again as .docx.".into(),
        ),
        DocxError::TooDeep => (
            format!("Tệp Word lồng nhau quá sâu (bảng trong bảng …) nên không đọc được. {paste_vi}"),
            format!("The Word file is nested too deeply (tables within tables …), so it cannot be read. {paste_en}"),
        ),
        DocxError::OldWord => (
            format!("Đây là tệp Word đời cũ (.doc). Hãy mở tệp trong Word, chọn Lưu thành (Save As) → Word Document (.docx) rồi mở tệp .docx đó. Hoặc: {paste_vi}"),
            format!("This is an old Word file (.doc). Open it in Word, Save As → Word Document (.docx), and open that .docx. Or: {paste_en}"),
        ),
        DocxError::Rtf => (
            format!("Đây là tệp RTF (.rtf). Hãy mở tệp trong Word, chọn Lưu thành (Save As) → Word Document (.docx) rồi mở tệp .docx đó. Hoặc: {paste_vi}"),
            format!("This is an RTF file (.rtf). Open it in Word, Save As → Word Document (.docx), and open that .docx. Or: {paste_en}"),
        ),
        DocxError::OpenDocument => (
            "Đây là tệp LibreOffice (.odt). Hãy mở tệp trong LibreOffice, chọn Lưu thành → Word 2007-365 (.docx) rồi mở tệp .docx đó; hoặc chọn hết, chép rồi dán vào ô “Từ một báo cáo cũ”.".into(),
            "This is a LibreOffice file (.odt). Open it in LibreOffice, Save As → Word 2007-365 (.docx), and open that .docx; or select all, copy and paste into the “From an existing report” box.".into(),
        ),
        DocxError::Pdf => (
            "Đây là tệp PDF, Báo cáo không đọc được. Nếu có bản Word (.docx) thì dùng bản đó; nếu không, hãy mở PDF, chọn hết, chép rồi dán vào ô “Từ một báo cáo cũ”.".into(),
            "This is a PDF file, which Báo cáo cannot read. Use the Word version (.docx) if there is one; otherwise open the PDF, select all, copy and paste into the “From an existing report” box.".into(),
        ),
    };
    if vi {
        text_vi
    } else {
        text_en
    }
}

/// The encoding line of the import dialog: Unicode as it was, or the
/// legacy encoding converted (and on how many lines, when it was decided
/// line by line).
pub fn describe_converted(lang: Lang, converted: Option<crate::transfer::Converted>) -> String {
    use crate::legacy_encoding::LegacyEncoding;
    let vi = lang == Lang::Vi;
    let Some(converted) = converted else {
        return "Unicode".to_owned();
    };
    let from = match converted.from {
        LegacyEncoding::Tcvn3 => "TCVN3 (.VnTime)",
        LegacyEncoding::Vni => "VNI-Windows (VNI-Times)",
    };
    match (converted.lines, vi) {
        (None, true) => format!("{from}, đã chuyển sang Unicode"),
        (None, false) => format!("{from}, converted to Unicode"),
        (Some(lines), true) => format!(
            "{from}, đã chuyển sang Unicode ({} dòng)",
            format_number(lang, lines as f64, 0)
        ),
        (Some(lines), false) => format!(
            "{from}, converted to Unicode ({} {})",
            format_number(lang, lines as f64, 0),
            if lines == 1 { "line" } else { "lines" }
        ),
    }
}

/// A sentence for something to note about a consolidation; `names` are
/// the units' names by index.
pub fn describe_consolidation_note(
    lang: Lang,
    note: &crate::consolidate::Note,
    names: &[String],
) -> String {
    use crate::consolidate::Note;
    let vi = lang == Lang::Vi;
    let name = |unit: &usize| names.get(*unit).cloned().unwrap_or_default();
    let caption = |caption: &str| {
        if caption.trim().is_empty() {
            if vi {
                "không tên".to_owned()
            } else {
                "untitled".to_owned()
            }
        } else {
            format!("“{}”", caption.trim())
        }
    };
    match note {
        Note::OutlineMismatch {
            unit,
            matched,
            total,
        } => {
            if vi {
                format!("{}: chỉ {matched}/{total} mục khớp với dàn ý — có thể báo cáo theo mẫu khác. Các mục không khớp được liệt kê bên dưới để chọn chỗ đưa vào.", name(unit))
            } else {
                format!("{}: only {matched} of {total} sections match the outline — it may follow another outline. The others are listed below to choose where they go.", name(unit))
            }
        }
        Note::TableShape {
            unit,
            section,
            caption: text,
        } => {
            if vi {
                format!("Mục {section}: bảng {} của {} khác mẫu (số cột, tiêu đề hoặc dòng) nên không cộng vào; bảng được giữ riêng, ghi tên đơn vị.", caption(text), name(unit))
            } else {
                format!("Section {section}: {}'s table {} has another form (columns, headings or rows), so it is not added in; it is kept apart, with the unit's name.", name(unit), caption(text))
            }
        }
        Note::RateNotSummed {
            section,
            caption: text,
            column,
        } => {
            if vi {
                format!("Mục {section}, bảng {}: cột “{column}” là tỉ lệ hoặc bình quân gõ tay, không cộng được nên để trống trong bảng cộng.", caption(text))
            } else {
                format!("Section {section}, table {}: column “{column}” holds typed rates or averages, which cannot be added, so it is left empty in the sum.", caption(text))
            }
        }
        Note::BreakdownAsTables {
            section,
            caption: text,
        } => {
            if vi {
                format!("Mục {section}, bảng {}: đã có dòng nhóm nên số liệu từng đơn vị được kèm thành bảng riêng.", caption(text))
            } else {
                format!("Section {section}, table {}: it has group rows, so each unit's figures follow as a table of its own.", caption(text))
            }
        }
    }
}

/// A sentence for two units that look like the same one.
pub fn describe_duplicate(
    lang: Lang,
    duplicate: &crate::consolidate::Duplicate,
    names: &[String],
) -> String {
    use crate::consolidate::DuplicateReason;
    let first = names.get(duplicate.first).cloned().unwrap_or_default();
    let second = names.get(duplicate.second).cloned().unwrap_or_default();
    match (lang, duplicate.reason) {
        (Lang::Vi, DuplicateReason::SameName) => format!("“{first}” có hai lần (cùng tên đơn vị). Nếu là cùng một báo cáo, hãy bỏ ra một bản."),
        (Lang::Vi, DuplicateReason::SameContent) => format!("“{first}” và “{second}” có nội dung giống hệt nhau. Nếu là cùng một báo cáo, hãy bỏ ra một bản."),
        (Lang::En, DuplicateReason::SameName) => format!("“{first}” is here twice (the same unit's name). If it is the same report, leave one out."),
        (Lang::En, DuplicateReason::SameContent) => format!("“{first}” and “{second}” have exactly the same text. If it is the same report, leave one out."),
    }
}

/// A sentence for a file that could not be imported: what happened and,
/// where it helps, what to do.
pub fn describe_import_error(lang: Lang, error: &crate::transfer::ImportError) -> String {
    use crate::transfer::{ImportError, OtherProgram, ProblemKind};
    let vi = lang == Lang::Vi;
    match error {
        ImportError::TooLarge { bytes } => {
            let size = format_size(lang, *bytes as u64);
            let limit = format_size(lang, crate::transfer::MAX_FILE_BYTES as u64);
            if vi {
                format!("Tệp quá lớn ({size}; giới hạn {limit}) nên không mở. Hãy kiểm tra đây có đúng là tệp bản thảo .json không.")
            } else {
                format!("The file is too large ({size}; the limit is {limit}), so it was not opened. Check that it is a .json draft file.")
            }
        }
        ImportError::NothingPasted => {
            if vi {
                "Chưa có chữ nào để đọc. Hãy dán văn bản báo cáo vào ô trước.".to_owned()
            } else {
                "There is no text to read. Paste the report's text into the box first.".to_owned()
            }
        }
        ImportError::NotText => {
            if vi {
                "Tệp không phải văn bản UTF-8 nên không phải tệp bản thảo .json.".to_owned()
            } else {
                "The file is not UTF-8 text, so it is not a .json draft file.".to_owned()
            }
        }
        ImportError::OtherProgram(program) => {
            let paste_vi = "chọn hết (Ctrl+A), chép (Ctrl+C), rồi dán (Ctrl+V) vào ô “Từ một báo cáo cũ” ở màn hình đầu hoặc vào chỗ trống bất kỳ trên trang này: văn bản sẽ được chia thành phần, mục như bản gốc.";
            let paste_en = "select all (Ctrl+A), copy (Ctrl+C), then paste (Ctrl+V) into the “From an existing report” box on the first screen or anywhere blank on this page: the text is split into parts and items as in the original.";
            match (program, vi) {
                (OtherProgram::Word, true) => format!("Đây là tệp Word. Báo cáo chưa mở trực tiếp được tệp Word: hãy mở tệp trong Word, {paste_vi}"),
                (OtherProgram::Word, false) => format!("This is a Word file. Báo cáo cannot open Word files directly: open it in Word, {paste_en}"),
                (OtherProgram::OpenDocument, true) => format!("Đây là tệp LibreOffice (.odt). Báo cáo chưa mở trực tiếp được tệp này: hãy mở tệp trong LibreOffice, {paste_vi}"),
                (OtherProgram::OpenDocument, false) => format!("This is a LibreOffice file (.odt). Báo cáo cannot open it directly: open it in LibreOffice, {paste_en}"),
                (OtherProgram::Pdf, true) => format!("Đây là tệp PDF. Báo cáo không đọc được PDF. Nếu có bản Word thì dùng bản đó; nếu không, hãy mở tệp PDF, {paste_vi}"),
                (OtherProgram::Pdf, false) => format!("This is a PDF file, which Báo cáo cannot read. Use the Word version if there is one; otherwise open the PDF, {paste_en}"),
                (OtherProgram::Zip, true) => "Đây là tệp nén (.zip) hoặc bảng tính, không phải tệp bản thảo .json. Nếu là tệp nén, hãy giải nén rồi mở tệp .baocao.json ở bên trong.".to_owned(),
                (OtherProgram::Zip, false) => "This is a zip archive or a spreadsheet, not a .json draft file. If it is an archive, unzip it and open the .baocao.json file inside.".to_owned(),
            }
        }
        ImportError::NotJson { line, column } => {
            if vi {
                format!("Tệp bị hỏng hoặc không đầy đủ: lỗi JSON ở dòng {line}, cột {column}. Hãy xin người gửi gửi lại tệp.")
            } else {
                format!("The file is damaged or incomplete: a JSON error at line {line}, column {column}. Ask the sender for the file again.")
            }
        }
        ImportError::NotADraft => {
            if vi {
                "Tệp này không phải bản thảo hay mẫu của Báo cáo.".to_owned()
            } else {
                "This file is neither a Báo cáo draft nor an outline.".to_owned()
            }
        }
        ImportError::TooNew { version } => {
            if vi {
                format!("Tệp được tạo bằng phiên bản mới hơn của Báo cáo (định dạng {version}). Hãy dùng bản ứng dụng mới nhất để mở; ở đây không mở để tránh làm sai nội dung.")
            } else {
                format!("The file was made by a newer version of Báo cáo (format {version}). Open it with the latest app; it was not opened here to avoid getting it wrong.")
            }
        }
        ImportError::Shape(detail) => {
            if vi {
                format!("Nội dung tệp không đúng dạng bản thảo ({detail}).")
            } else {
                format!("The file's content is not shaped like a draft ({detail}).")
            }
        }
        ImportError::Docx(error) => describe_docx_error(lang, error),
        ImportError::PicturesTooLarge { bytes } => pictures_too_large(lang, *bytes),
        ImportError::BadPictures => if vi {
            "Ảnh trong tệp bị hỏng hoặc không phải ảnh PNG, JPEG nên tệp không được mở. Hãy xin lại tệp từ người gửi.".to_owned()
        } else {
            "The pictures in this file are damaged or are not PNG or JPEG pictures, so the file was not opened. Ask the sender for the file again.".to_owned()
        },
        ImportError::CannotUnzip => if vi {
            "Trình duyệt này quá cũ để mở tệp Word (.docx). Hãy cập nhật trình duyệt (Chrome, Cốc Cốc, Edge 103 trở lên; Firefox 113 trở lên; Safari 16.4 trở lên), hoặc mở tệp trong Word, chọn hết (Ctrl+A), chép (Ctrl+C) rồi dán (Ctrl+V) vào ô “Từ một báo cáo cũ”.".to_owned()
        } else {
            "This browser is too old to open Word files (.docx). Update it (Chrome, Cốc Cốc, Edge 103 or later; Firefox 113 or later; Safari 16.4 or later), or open the file in Word, select all (Ctrl+A), copy (Ctrl+C) and paste (Ctrl+V) into the “From an existing report” box.".to_owned()
        },
        ImportError::Problems(problems) => problems
            .iter()
            .map(|problem| {
                let place = if problem.place.is_empty() {
                    String::new()
                } else if vi {
                    format!("Mục {}: ", problem.place)
                } else {
                    format!("Section {}: ", problem.place)
                };
                let what = match (problem.kind, vi) {
                    (ProblemKind::TooDeep, true) => "dàn ý sâu quá ba cấp (phần, mục, điểm)",
                    (ProblemKind::TooDeep, false) => "the outline is deeper than three levels",
                    (ProblemKind::TableTooLarge, true) => "có bảng quá lớn (tối đa 40 cột và 20.000 ô) — hãy tách thành nhiều bảng trong tệp gốc",
                    (ProblemKind::TableTooLarge, false) => "a table is too large (at most 40 columns and 20,000 cells) — split it into several tables in the original",
                    (ProblemKind::TableTextTooLong, true) => "có ô bảng chứa đoạn chữ quá dài (quá 10.000 ký tự) — hãy chuyển đoạn đó ra ngoài bảng",
                    (ProblemKind::TableTextTooLong, false) => "a table cell holds a text over 10,000 characters — move it out of the table",
                };
                format!("{place}{what}")
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The title of a copy of the draft titled `title`: "… (bản sao)".
pub fn duplicate_title(lang: Lang, title: &str) -> String {
    format!("{title} {}", t(lang, Msg::DuplicateSuffix))
}

/// The title of next year's draft when the old one names no year to move
/// on: "… (năm sau)", once (a draft made from one already so named keeps
/// its name).
pub fn next_year_title(lang: Lang, title: &str) -> String {
    let suffix = t(lang, Msg::NextYearSuffix);
    if title.trim_end().ends_with(suffix) {
        return title.to_owned();
    }
    format!("{title} {suffix}")
}

/// The button that shows the units' texts beside a section, with their
/// count: "Xem bài của các đơn vị (3)".
pub fn show_units(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Vi => format!("Xem bài của các đơn vị ({count})"),
        Lang::En => format!("Show the units' texts ({count})"),
    }
}

/// Where a year was changed, in words: "ở Trích yếu", "ở tiêu đề mục
/// II.1". `reference` is the section's reference ("II.1"), empty for the
/// opening.
pub fn year_change_place(lang: Lang, place: crate::next_year::Place, reference: &str) -> String {
    use crate::next_year::Place;
    let vi = lang == Lang::Vi;
    let opening = reference.is_empty();
    match (place, vi) {
        (Place::Title, true) => "ở tên bản thảo".to_owned(),
        (Place::Title, false) => "in the draft's name".to_owned(),
        (Place::Subject, true) => "ở Trích yếu".to_owned(),
        (Place::Subject, false) => "in the subject".to_owned(),
        (Place::Heading(_), true) => format!("ở tiêu đề mục {reference}"),
        (Place::Heading(_), false) => format!("in the heading of section {reference}"),
        (Place::Guidance(_), true) if opening => "ở gợi ý phần mở đầu".to_owned(),
        (Place::Guidance(_), false) if opening => "in the opening's guidance".to_owned(),
        (Place::Guidance(_), true) => format!("ở gợi ý mục {reference}"),
        (Place::Guidance(_), false) => format!("in the guidance of section {reference}"),
        (Place::Table(_), true) if opening => "ở bảng của phần mở đầu".to_owned(),
        (Place::Table(_), false) if opening => "in a table of the opening".to_owned(),
        (Place::Table(_), true) => format!("ở bảng của mục {reference}"),
        (Place::Table(_), false) => format!("in a table of section {reference}"),
    }
}

/// One year changed, as the review lists it: "Đã đổi: “năm học 2024 -
/// 2025” → “năm học 2025 - 2026” ở Trích yếu".
pub fn year_change(lang: Lang, change: &crate::next_year::YearChange, reference: &str) -> String {
    let place = year_change_place(lang, change.place, reference);
    match lang {
        Lang::Vi => format!("Đã đổi: “{}” → “{}” {place}", change.before, change.after),
        Lang::En => format!("Changed: “{}” → “{}” {place}", change.before, change.after),
    }
}

/// The page's title: the open draft's name first, so that the tab says
/// which draft it holds and the browser's "Save as PDF" suggests the
/// draft's name for the file, or the app's own title with no draft open.
pub fn page_title(lang: Lang, draft_title: Option<&str>) -> String {
    match draft_title.map(str::trim) {
        Some(title) if !title.is_empty() => format!("{title} — {}", t(lang, Msg::AppName)),
        _ => t(lang, Msg::DocumentTitle).to_owned(),
    }
}

// Pictures in figure blocks (issue 19, point 6).

/// The pictures of a draft file are more than the cap together: on export
/// (the file is not made) and on import (the file is not opened).
pub fn pictures_too_large(lang: Lang, bytes: usize) -> String {
    let size = format_size(lang, bytes as u64);
    let limit = format_size(lang, crate::picture::MAX_FILE_PICTURES_BYTES as u64);
    if lang == Lang::Vi {
        format!("Ảnh trong bản thảo quá lớn: {size}, giới hạn cho một tệp là {limit}. Hãy bỏ bớt ảnh hoặc thay bằng ảnh nhỏ hơn rồi thử lại.")
    } else {
        format!("The draft's pictures are too large: {size}, and a file may carry {limit}. Remove some pictures or use smaller ones, then try again.")
    }
}

/// Why a picture was not taken, and what to do.
pub fn describe_picture_error(lang: Lang, error: &crate::picture::PictureError) -> String {
    use crate::picture::PictureError;
    let vi = lang == Lang::Vi;
    match error {
        PictureError::NotAnImage => {
            if vi {
                "Tệp này không phải là ảnh. Hãy chọn ảnh JPEG hoặc PNG (ảnh chụp, ảnh màn hình)."
                    .to_owned()
            } else {
                "This file is not a picture. Choose a JPEG or PNG picture (a photo, a screenshot)."
                    .to_owned()
            }
        }
        PictureError::FileTooLarge(bytes) => {
            let size = format_size(lang, *bytes as u64);
            let limit = format_size(lang, crate::picture::MAX_INPUT_BYTES as u64);
            if vi {
                format!("Ảnh quá lớn ({size}; giới hạn {limit}) nên không thêm được. Hãy chọn ảnh nhỏ hơn.")
            } else {
                format!("The picture is too large ({size}; the limit is {limit}), so it was not added. Choose a smaller one.")
            }
        }
        PictureError::PictureTooLarge(bytes) => {
            let size = format_size(lang, *bytes as u64);
            let limit = format_size(lang, crate::picture::MAX_PICTURE_BYTES as u64);
            if vi {
                format!("Ảnh vẫn quá lớn sau khi thu nhỏ ({size}; giới hạn {limit}) nên không thêm được. Hãy chọn ảnh khác.")
            } else {
                format!("The picture is still too large once scaled down ({size}; the limit is {limit}), so it was not added. Choose another one.")
            }
        }
        PictureError::Unreadable => {
            if vi {
                "Trình duyệt không đọc được ảnh này. Hãy lưu ảnh dưới dạng JPEG hoặc PNG rồi chọn lại.".to_owned()
            } else {
                "The browser cannot read this picture. Save it as JPEG or PNG and choose it again."
                    .to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// A page setting outside the rules is named with the decimal comma in
    /// Vietnamese ("1,6", not "1.6"), as every other figure in the app.
    #[test]
    fn page_findings_write_decimals_the_way_each_language_does() {
        let finding = crate::conformance::Finding::PageOutOfRange {
            setting: crate::rules::PageSetting::LineSpacing,
            value: "1.6".into(),
            min: "1".into(),
            max: "1.5".into(),
        };
        let vi = super::describe_finding(Lang::Vi, &finding);
        assert!(vi.contains("là 1,6, ngoài khoảng 1–1,5"), "{vi}");
        let en = super::describe_finding(Lang::En, &finding);
        assert!(en.contains("is 1.6, outside the rules' 1–1.5"), "{en}");
    }

    #[test]
    fn numbers_and_sizes_are_written_the_way_each_language_writes_them() {
        assert_eq!(format_number(Lang::Vi, 1234567.0, 0), "1.234.567");
        assert_eq!(format_number(Lang::En, 1234567.0, 0), "1,234,567");
        assert_eq!(format_number(Lang::Vi, 0.5, 1), "0,5");
        assert_eq!(format_number(Lang::En, 0.5, 1), "0.5");
        assert_eq!(format_number(Lang::Vi, 1234.56, 1), "1.234,6");
        assert_eq!(format_number(Lang::Vi, 10.0, 1), "10");
        assert_eq!(format_number(Lang::Vi, 999.0, 0), "999");
        assert_eq!(format_size(Lang::Vi, 0), "0 KB");
        assert_eq!(format_size(Lang::Vi, 512), "0,5 KB");
        assert_eq!(format_size(Lang::En, 512), "0.5 KB");
        assert_eq!(format_size(Lang::Vi, 13_000), "13 KB");
        assert_eq!(format_size(Lang::Vi, 1_258_291), "1,2 MB");
        assert_eq!(format_size(Lang::En, 1_258_291), "1.2 MB");
        assert_eq!(format_size(Lang::Vi, 10 * 1024 * 1024), "10 MB");
        assert_eq!(format_size(Lang::Vi, 8_800_000), "8,4 MB");
        assert_eq!(format_size(Lang::Vi, 10 * 1024 * 1024 * 1024), "10 GB");
        assert_eq!(
            storage_sentence(Lang::Vi, 1_258_291, 10 * 1024 * 1024, 12),
            "Các bản thảo đang dùng 1,2 MB trong khoảng 10 MB trình duyệt dành cho trang này (12 %)."
        );
        assert!(storage_sentence(Lang::En, 512, 10 * 1024 * 1024, 0).contains("0.5 KB"));
    }

    #[test]
    fn each_ruleset_shows_examples_of_its_own_bodies() {
        use crate::model::Ruleset;
        for lang in [Lang::Vi, Lang::En] {
            let text = |hints: ExampleHints| {
                [
                    hints.superior_body,
                    hints.issuing_body,
                    hints.number,
                    hints.signing_authority,
                ]
                .map(|msg| t(lang, msg))
                .join(" | ")
            };
            let party = text(example_hints(Ruleset::Party));
            let state = text(example_hints(Ruleset::State));
            assert!(
                party.contains("ĐẢNG BỘ TỈNH") && party.contains("ĐẢNG ỦY XÃ"),
                "{party}"
            );
            assert!(
                !party.contains("UBND") && !party.contains("ỦY BAN"),
                "{party}"
            );
            assert!(
                state.contains("UBND XÃ") && state.contains("TRƯỜNG THCS"),
                "{state}"
            );
            assert!(state.contains("BC-UBND"), "{state}");
            assert!(!state.contains("ĐẢNG"), "{state}");
            // Districts are gone since 1 July 2025.
            assert!(
                !party.contains("HUYỆN") && !state.contains("HUYỆN"),
                "{party} {state}"
            );
        }
    }

    use super::*;

    #[test]
    fn the_page_title_names_the_open_draft() {
        assert_eq!(
            page_title(Lang::Vi, Some(" Báo cáo sơ kết học kỳ I ")),
            "Báo cáo sơ kết học kỳ I — Báo cáo"
        );
        assert_eq!(
            page_title(Lang::Vi, Some("  ")),
            "Báo cáo — soạn báo cáo tổng kết, sơ kết"
        );
        assert_eq!(
            page_title(Lang::En, None),
            "Báo cáo — structured report editor"
        );
    }

    #[test]
    fn a_copy_says_it_is_one() {
        assert_eq!(
            duplicate_title(Lang::Vi, "Báo cáo sơ kết"),
            "Báo cáo sơ kết (bản sao)"
        );
        assert_eq!(duplicate_title(Lang::En, "Draft"), "Draft (copy)");
        assert_eq!(next_year_title(Lang::Vi, "Báo cáo"), "Báo cáo (năm sau)");
        assert_eq!(
            next_year_title(Lang::Vi, "Báo cáo (năm sau)"),
            "Báo cáo (năm sau)"
        );
    }

    #[test]
    fn every_session_error_is_a_sentence_that_says_what_to_do() {
        use crate::edit::EditError;
        use crate::persist::library::StoreError;
        use crate::session::SessionError;
        let errors = [
            SessionError::Storage(StoreError::QuotaExceeded),
            SessionError::Storage(StoreError::Unavailable),
            SessionError::Storage(StoreError::Other("x".into())),
            SessionError::NotReadBack,
            SessionError::Unreadable {
                kept_as: "baocao.corrupt.1".into(),
            },
            SessionError::ReadOnly,
            SessionError::NothingOpen,
            SessionError::Edit(EditError::AtEdge),
            SessionError::VersionNotKept(StoreError::QuotaExceeded),
            SessionError::DeletedElsewhere,
            SessionError::EditedElsewhere,
            SessionError::WorkAtRisk,
        ];
        for error in &errors {
            for lang in [Lang::Vi, Lang::En] {
                let text = describe_session_error(lang, error);
                assert!(text.ends_with('.'), "{text}");
            }
        }
        let refused = describe_session_error(
            Lang::Vi,
            &SessionError::VersionNotKept(StoreError::QuotaExceeded),
        );
        assert!(refused.contains("Tải tệp bản thảo") || refused.contains("tải tệp bản thảo"));
    }

    #[test]
    fn unknown_language_tag_falls_back_to_vietnamese() {
        assert_eq!(Lang::from_tag("fr"), Lang::Vi);
        assert_eq!(Lang::from_tag(""), Lang::Vi);
        assert_eq!(Lang::from_tag("en"), Lang::En);
        assert_eq!(Lang::from_tag(Lang::En.tag()), Lang::En);
    }

    #[test]
    fn switching_twice_returns_to_the_start() {
        assert_eq!(Lang::Vi.other().other(), Lang::Vi);
    }

    #[test]
    fn the_encoding_line_says_what_was_converted_and_on_how_many_lines() {
        use crate::legacy_encoding::LegacyEncoding;
        use crate::transfer::Converted;
        assert_eq!(describe_converted(Lang::Vi, None), "Unicode");
        let whole = Converted {
            from: LegacyEncoding::Tcvn3,
            lines: None,
        };
        assert_eq!(
            describe_converted(Lang::Vi, Some(whole)),
            "TCVN3 (.VnTime), đã chuyển sang Unicode"
        );
        let some = Converted {
            from: LegacyEncoding::Tcvn3,
            lines: Some(1200),
        };
        assert_eq!(
            describe_converted(Lang::Vi, Some(some)),
            "TCVN3 (.VnTime), đã chuyển sang Unicode (1.200 dòng)"
        );
        let one = Converted {
            from: LegacyEncoding::Tcvn3,
            lines: Some(1),
        };
        assert_eq!(
            describe_converted(Lang::En, Some(one)),
            "TCVN3 (.VnTime), converted to Unicode (1 line)"
        );
    }

    #[test]
    fn import_errors_name_the_place() {
        use crate::transfer::{ImportError, Problem, ProblemKind};
        let error = ImportError::Problems(vec![Problem {
            place: "II.2".into(),
            kind: ProblemKind::TableTooLarge,
        }]);
        assert_eq!(
            describe_import_error(Lang::Vi, &error),
            "Mục II.2: có bảng quá lớn (tối đa 40 cột và 20.000 ô) — hãy tách thành nhiều bảng trong tệp gốc"
        );
        assert_eq!(
            describe_import_error(Lang::En, &error),
            "Section II.2: a table is too large (at most 40 columns and 20,000 cells) — split it into several tables in the original"
        );
        let newer = describe_import_error(Lang::Vi, &ImportError::TooNew { version: 9 });
        assert!(newer.contains("phiên bản mới hơn"), "{newer}");
    }

    #[test]
    fn the_default_interface_is_vietnamese() {
        assert_eq!(Lang::default(), Lang::Vi);
        assert_eq!(
            t(Lang::default(), Msg::EmptyWorkspaceTitle),
            "Chưa có bản thảo nào"
        );
    }
}
