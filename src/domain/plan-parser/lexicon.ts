/**
 * The words of the genre, in one place: what the stages look for in a plan. Every entry is written
 * folded (lower case, no diacritics, đ → d, see fold.ts) and test/unit/plan-parser/lexicon.test.ts checks
 * that each one survives folding, so an entry that could never match is caught.
 *
 * Entries that other files still hold (field labels in fields.ts, kinds in kinds.ts, time words in
 * time-words.ts, unit words in unit-words.ts) are listed there by the same rule; new words go here.
 */

/**
 * Names of the documents a plan cites: "Luật Hợp tác xã năm 2023", "Nghị quyết số 20-NQ/TW …",
 * "Chỉ thị …". A year written inside such a citation is the year of that document, never the plan's.
 */
export const CITED_DOCUMENTS = [
  'luat',
  'bo luat',
  'nghi dinh',
  'nghi quyet',
  'quyet dinh',
  'chi thi',
  'thong tu',
  'ket luan',
  'hien phap',
  'phap lenh',
  'cong van',
  'chuong trinh hanh dong',
] as const;

/**
 * The types of document a plan is, folded and as written: the capitals line "KẾ HOẠCH" that opens its
 * head. Longer first, so "Chương trình công tác" wins over "Chương trình".
 */
export const DOCUMENT_TYPES: readonly (readonly [string, string])[] = [
  ['chuong trinh cong tac', 'Chương trình công tác'],
  ['chuong trinh', 'Chương trình'],
  ['ke hoach', 'Kế hoạch'],
  ['huong dan', 'Hướng dẫn'],
  ['phuong an', 'Phương án'],
  ['lich cong tac', 'Lịch công tác'],
];

/**
 * The level words of a reference to the plan's own outline ("điểm 1.1, 1.3 mục 1 Phần II"), outermost
 * last: a part is a roman section, a section its numbered heading, a point the item under it.
 */
export const REFERENCE_LEVELS: readonly (readonly [string, 'part' | 'section' | 'point'])[] = [
  ['phan', 'part'],
  ['tieu muc', 'section'],
  ['muc', 'section'],
  ['diem', 'point'],
  ['khoan', 'point'],
];

/**
 * Words that may open the cell of an assignment table before the item numbers it lists: "Nội dung (1),
 * (2)", "Mục 1, 3", "Hoạt động số 4".
 */
export const ITEM_LIST_WORDS = ['noi dung', 'muc', 'diem', 'hoat dong', 'nhiem vu', 'so'];

/** Verbs of a responsibility line that make its unit the lead of what it references. */
export const LEAD_VERBS_BY_REFERENCE = ['chu tri', 'thuc hien', 'tham muu', 'chiu trach nhiem', 'phu trach'];

/**
 * Verbs after a unit's name in a note that says who does the item: "(VP tổng hợp)", "(Văn phòng theo
 * dõi)". Only a parenthesis made of a short name and one of these makes its unit the lead.
 */
export const NOTE_LEAD_VERBS = ['tong hop', 'theo doi', 'dam nhiem', 'dau moi'];

/**
 * Words that send the reader to an appendix for the work itself: "Tổ chức các lớp …: chi tiết tại Phụ lục
 * kèm theo". Followed by "phu luc"; the item is a container of the appendix's rows.
 */
export const APPENDIX_POINTERS = [
  'chi tiet tai',
  'chi tiet theo',
  'chi tiet o',
  'cu the tai',
  'cu the theo',
  'theo',
];

/**
 * The posts of a department's head written before its name: "Chánh Văn phòng", "Trưởng Ban Kiểm tra",
 * "Giám đốc Quỹ …". The post names the department: "Chánh Văn phòng chủ trì" gives the work to Văn phòng.
 * Longest first.
 */
export const HEAD_POSTS = ['pho chanh', 'chanh', 'pho truong', 'truong', 'pho giam doc', 'giam doc'];

/** Verbs that make the unit a supporting one ("đơn vị phối hợp"). */
export const SUPPORT_VERBS = ['phoi hop', 'tham gia', 'ho tro thuc hien'];

/**
 * Words that open a topic heading rather than a piece of work: "1. Công tác tuyên truyền", "2. Về tổ
 * chức", "3. Lĩnh vực hỗ trợ". Under such a heading, lines that open with an action are the items.
 */
export const TOPIC_OPENINGS = [
  'cong tac',
  've',
  'linh vuc',
  'nhiem vu',
  'nhom nhiem vu',
  'cac nhiem vu',
  'cac hoat dong',
  'hoat dong',
  'chuong trinh',
  'phan',
  'noi dung',
];

/** Verbs that open a piece of work ("Tổ chức …", "Tuyên truyền …", "Rà soát …"). */
/**
 * Steps that close a piece of work and are timed apart from it: "Phát động phong trào … trong tháng
 * 3/2026; sơ kết 6 tháng phong trào vào cuối tháng 7/2026" is two tasks.
 */
export const CLOSING_STEPS = [
  'so ket',
  'tong ket',
  'trao giai',
  'trao thuong',
  'khen thuong',
  'bao cao ket qua',
  'danh gia ket qua',
] as const;

/**
 * Words that name one round of a repeated piece of work: "lớp thứ nhất tháng 6/2026 …; lớp thứ hai tháng
 * 9/2026 …", "đợt 1 …; đợt 2 …".
 */
export const ROUND_WORDS = ['lop', 'dot', 'lan', 'khoa', 'buoc', 'phien'];

/**
 * Gatherings held on a day: "2.1. Lễ phát động … , sáng thứ Hai ngày 29/3/2027" over its preparation steps
 * is itself a task on that day, beside the steps.
 */
export const GATHERINGS = [
  'le',
  'hoi nghi',
  'hoi thao',
  'hoi cho',
  'phien cho',
  'ngay hoi',
  'gap mat',
  'hop mat',
  'toa dam',
  'dien dan',
  'dai hoi',
  'to chuc le',
  'to chuc hoi nghi',
] as const;

/**
 * Points of a meeting's agenda that are no one's work to prepare: "Thảo luận; phát biểu chỉ đạo của đồng
 * chí lãnh đạo Tỉnh ủy; bế mạc".
 */
export const MEETING_FORMALITIES = [
  'thao luan',
  'phat bieu',
  'ket luan',
  'be mac',
  'khai mac',
  'tuyen bo ly do',
];

/**
 * Words that set a proposal aside: "Đối với đề xuất … : Thường trực thống nhất chưa thực hiện trong Quý II".
 * An item so decided is no task.
 */
export const SET_ASIDE = ['chua thuc hien', 'khong thuc hien', 'chua trien khai', 'tam dung', 'tam hoan'];

/** Words before a name that make it several departments: "các Văn phòng đại diện", "hai Văn phòng đại diện". */
export const PLURAL_WORDS = ['cac', 'hai', 'ba', 'bon', 'nhung'];

export const ACTION_OPENINGS = [
  'to chuc',
  'tham gia',
  'trien khai',
  'xay dung',
  'thuc hien',
  'hoan thanh',
  'hoan thien',
  'ky ket',
  'kiem tra',
  'giam sat',
  'lam viec',
  'hop',
  'hoi nghi',
  'phat dong',
  'tap huan',
  'dao tao',
  'boi duong',
  'danh gia',
  'tong ket',
  'so ket',
  'ton vinh',
  'xet chon',
  'gui',
  'bao cao',
  'tuyen truyen',
  'van dong',
  'ho tro',
  'tu van',
  'phoi hop',
  'tiep tuc',
  'day manh',
  'nang cao',
  'tang cuong',
  'ra soat',
  'theo doi',
  'tham muu',
  'chu dong',
  'cung co',
  'phat trien',
  'chi dao',
  'huong dan',
  'tong hop',
  'xuc tien',
  'quang ba',
  'gioi thieu',
  'thanh lap',
  'cap nhat',
  'bien tap',
  'phat hanh',
  'du thao',
  'ban hanh',
  'tiep nhan',
  'tham dinh',
  'xet duyet',
  'khen thuong',
  'thi dua',
  'ky niem',
  'treo',
  'chuan bi',
  'duy tri',
  'quan ly',
  'giai quyet',
  'cho y kien',
  'thong qua',
];

/**
 * Work whose time the plan leaves to later instructions: "theo chỉ đạo của cấp trên", "khi có yêu cầu",
 * "đột xuất". Such a task gets the plan's window and the review flags it.
 */
export const ON_DEMAND_TIME = [
  'theo chi dao cua cap tren',
  'theo chi dao cua lien minh htx viet nam',
  'theo chi dao',
  'theo yeu cau',
  'theo thong bao trieu tap',
  'theo giay trieu tap',
  'khi co yeu cau',
  'dot xuat',
  'phat sinh',
];

/** Any of those words, in folded text. */
export const ON_DEMAND = new RegExp(`\\b(?:${ON_DEMAND_TIME.join('|')})\\b`);

/**
 * Words that open a clause naming helpers after a lead: "Ban TC-KT; thành viên đoàn gồm đại diện Ban
 * HTPT, Quỹ …", "Văn phòng; phối hợp: các ban".
 */
export const HELPER_OPENINGS = ['thanh vien doan', 'thanh vien', 'phoi hop voi', 'phoi hop', 'cung'];

/**
 * A time counted from an event rather than written as a date: "chậm nhất 15 ngày sau khi kết thúc mỗi
 * đợt", "chậm nhất 03 ngày trước phiên họp", "trong vòng 05 ngày làm việc kể từ …". Work timed only so is
 * a standing rule of the plan, not a task with a date. The words before and after the count of days.
 */
export const RELATIVE_TIME_BEFORE = ['cham nhat', 'truoc', 'sau', 'trong vong', 'trong', 'it nhat'];
export const RELATIVE_TIME_AFTER = ['sau', 'truoc', 'ke tu'];

/**
 * "các nội dung còn lại tại mục II, trừ các điểm đã phân công nêu trên": a clause that gives a unit every
 * item of a part that no other clause assigned.
 */
export const REST_WORDS = ['con lai'];

/**
 * Words a heading puts before the unit it addresses: "1. Đối với Văn phòng", "2. Giao Ban Kiểm tra",
 * "3. Gửi Trung tâm …" in a Công văn or a meeting's conclusions. The items under such a heading are that
 * unit's work (tasks, not standing duties).
 */
// "1. Đồng chí Trưởng Ban Tổ chức – Thi đua:" over a) b) c): a unit addressed by its head's post.
export const ADDRESSEE_OPENINGS = ['doi voi', 'giao cho', 'giao', 'gui', 'de nghi', 'yeu cau', 'dong chi'];

/**
 * The marks of an assignment matrix, one column per unit (layout/task-table.ts): "CT" (chủ trì) leads,
 * "PH" (phối hợp), "x", "TG" (tham gia) support. Folded, as the cells are read.
 */
export const MATRIX_LEAD_MARKS = ['ct', 'chu tri'] as const;
export const MATRIX_SUPPORT_MARKS = ['ph', 'phoi hop', 'x', 'tg', 'tham gia'] as const;

/** A table cell that repeats the one above it: "-nt-", "nt", "như trên", "〃". */
export const DITTO_CELLS = ['nt', 'nhu tren'] as const;

/**
 * A time cell that puts its row at the meeting of the row above ("Cùng phiên họp" under "Tuần 2"): the
 * time of that row.
 */
export const SAME_TIME_CELLS = [
  'cung phien hop',
  'cung phien',
  'cung ky hop',
  'cung cuoc hop',
  'cung buoi',
  'cung buoi hop',
  'cung thoi gian',
  'cung thoi diem',
] as const;

/**
 * Words that open the name of a body that is no department of the alliance but stands among its units in
 * a list of who does the work: "Văn phòng, Công đoàn cơ quan", "Ban X; Sở Công Thương; UBND các xã".
 */
export const BODY_OPENINGS = [
  'cong doan',
  'chi bo',
  'chi doan',
  'doan thanh nien',
  'dang uy',
  'so',
  'ubnd',
  'uy ban',
  'ngan hang',
  'hoi',
  'cac htx',
  'cac hop tac xa',
  'lien minh htx viet nam',
  'chi cuc',
  'bao',
  'dai',
] as const;

/**
 * Verbs that put a time on the event an item is about rather than on the item: "Cho ý kiến kế hoạch tổ
 * chức Hội chợ … (dự kiến tổ chức vào tháng 10/2024)". Such a time does not narrow the item's window.
 */
export const SUBJECT_EVENT_VERBS = ['to chuc', 'dien ra', 'khai mac'] as const;

/**
 * Headings of the section that hands out responsibilities: "TỔ CHỨC THỰC HIỆN", "PHÂN CÔNG NHIỆM VỤ".
 */
export const DUTIES_HEADINGS = [
  'to chuc thuc hien',
  'phan cong nhiem vu',
  'phan cong thuc hien',
  // "II. PHÂN CÔNG" alone over an assignment table.
  'phan cong',
  'trach nhiem thuc hien',
  'phan cong trach nhiem',
];
