// The SQL console's editor: a textarea over a highlighted copy of its text, and a completion list of the rpt views and
// their columns. Loaded as a module by the console page (no CDN, no inline script).
const keywords = new Set(("select from where group by order having limit offset with as join left right full inner outer cross on " +
    "using and or not in is null like ilike between case when then else end distinct union all except intersect asc desc nulls " +
    "first last over partition window filter qualify cast true false exists any some values lateral natural rollup cube " +
    "grouping sets interval date timestamp pivot unpivot describe").split(" "));

const escape = text => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// Comments, strings, quoted names, numbers, words, anything else — in that order.
const token = /(--[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|('(?:[^']|'')*'?)|("(?:[^"]|"")*"?)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][A-Za-z0-9_]*)|([\s\S])/g;

export function highlight(text) {
    let html = "";
    for (const m of text.matchAll(token)) {
        const [all, comment, str, quoted, number, word] = m;
        if (comment) html += `<span class="sql-comment">${escape(all)}</span>`;
        else if (str) html += `<span class="sql-string">${escape(all)}</span>`;
        else if (quoted) html += `<span class="sql-name">${escape(all)}</span>`;
        else if (number) html += `<span class="sql-number">${all}</span>`;
        else if (word && keywords.has(word.toLowerCase())) html += `<span class="sql-keyword">${all}</span>`;
        else if (word) html += `<span class="sql-name">${all}</span>`;
        else html += escape(all);
    }
    return html + "\n";
}

// Suggestions for the word before the caret: views after "rpt.", columns (and views) otherwise.
export function suggestions(schema, before) {
    const word = /([A-Za-z_][A-Za-z0-9_]*\.)?([A-Za-z_][A-Za-z0-9_]*)?$/.exec(before);
    const qualifier = (word[1] ?? "").toLowerCase();
    const stem = (word[2] ?? "").toLowerCase();
    if (!qualifier && !stem) return { start: before.length, items: [] };
    let items;
    if (qualifier === "rpt.") items = Object.keys(schema).filter(v => v.startsWith(stem));
    else if (qualifier) items = (schema[qualifier.slice(0, -1)] ?? []).filter(c => c.startsWith(stem));
    else {
        const columns = [...new Set(Object.values(schema).flat())].filter(c => c.startsWith(stem));
        items = ["rpt"].filter(s => s.startsWith(stem) && stem.length > 0).concat(columns);
    }
    // A name already typed in full needs no list (it would only hide what lies below the editor).
    items = items.filter(item => item !== stem);
    // Shortest first: the exact name typed so far comes before the longer names it begins.
    items.sort((a, b) => a.length - b.length || a.localeCompare(b));
    return { start: before.length - stem.length, items: items.slice(0, 12) };
}

export function attach(editor, backdrop, list, schema) {
    let open = [], chosen = 0, start = 0;
    const paint = () => {
        backdrop.innerHTML = highlight(editor.value);
        backdrop.scrollTop = editor.scrollTop;
        backdrop.scrollLeft = editor.scrollLeft;
    };
    const close = () => { open = []; list.hidden = true; list.innerHTML = ""; };
    const show = () => {
        list.innerHTML = open.map((item, i) => `<li role="option" data-item="${escape(item)}" aria-selected="${i === chosen}">${escape(item)}</li>`).join("");
        list.hidden = open.length === 0;
    };
    const accept = item => {
        const caret = editor.selectionStart;
        editor.value = editor.value.slice(0, start) + item + editor.value.slice(caret);
        editor.selectionStart = editor.selectionEnd = start + item.length;
        close();
        editor.dispatchEvent(new Event("input", { bubbles: true }));
        editor.focus();
    };
    editor.addEventListener("input", e => {
        paint();
        if (e.isTrusted === false) return;
        const found = suggestions(schema, editor.value.slice(0, editor.selectionStart));
        open = found.items; start = found.start; chosen = 0;
        show();
    });
    editor.addEventListener("scroll", paint);
    editor.addEventListener("keydown", e => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            close();
            document.getElementById("sql-run")?.click();
            return;
        }
        if (open.length === 0) return;
        if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            chosen = (chosen + (e.key === "ArrowDown" ? 1 : open.length - 1)) % open.length;
            show();
        } else if (e.key === "Enter" || e.key === "Tab") {
            e.preventDefault();
            accept(open[chosen]);
        } else if (e.key === "Escape") close();
    });
    list.addEventListener("mousedown", e => {
        const item = e.target.closest("li")?.dataset.item;
        if (item) { e.preventDefault(); accept(item); }
    });
    editor.addEventListener("blur", () => setTimeout(close, 150));
    paint();
    editor.dataset.attached = "true"; // completion and highlighting listen from here on
}

// Rewrites the editor's text (a query picked from the history) and repaints it.
export function setText(editor, text) {
    editor.value = text;
    editor.dispatchEvent(new Event("input", { bubbles: true }));
}

// Saves bytes as a file (the Excel export).
export function downloadBytes(fileName, base64, type) {
    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([bytes], { type }));
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
