// Small helpers the Blazor components call through JS interop.
window.bhyt = {
    // Saves text as a file (CSV export): UTF-8 with a BOM so spreadsheet programs read Vietnamese correctly.
    download(fileName, text) {
        const blob = new Blob(["\uFEFF" + text], { type: "text/csv;charset=utf-8" });
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    }
};
