// Small helpers the Blazor components call through JS interop.
window.bhyt = {
    // Saves text as a file (CSV export): UTF-8 with a BOM so spreadsheet programs read Vietnamese correctly.
    download(fileName, text) {
        window.bhyt.save(fileName, new Blob(["\uFEFF" + text], { type: "text/csv;charset=utf-8" }));
    },
    // Saves a file the server streamed (Xuất phụ lục: .docx, .xlsx).
    async downloadFile(fileName, contentType, streamReference) {
        window.bhyt.save(fileName, new Blob([await streamReference.arrayBuffer()], { type: contentType }));
    },
    // Hands a blob to the browser as a download named fileName.
    save(fileName, blob) {
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    }
};

// Work inside an open page makes no HTTP request, so the sliding session cookie would expire under an active user:
// on input, at most once a minute, touch the session (see AccountEndpoints.SessionPingPath).
(() => {
    let last = 0;
    const touch = () => {
        const now = Date.now();
        if (now - last < 60_000) return;
        last = now;
        fetch("account/session", { credentials: "same-origin", cache: "no-store" }).catch(() => { });
    };
    for (const type of ["pointerdown", "keydown"]) document.addEventListener(type, touch, { passive: true, capture: true });
})();
