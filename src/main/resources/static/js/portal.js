// Small enhancements on top of the server-rendered pages; every page works without them.
// A field marked invalid by the server stops looking invalid as soon as the user changes it: the server checks
// it again on the next save.
document.addEventListener('input', function (event) {
    var field = event.target;
    if (field.classList && field.classList.contains('is-invalid')) {
        field.classList.remove('is-invalid');
    }
});

// After a save the server refused, the keyboard starts at the first field to fix (its message is tied to it by
// aria-describedby, so a screen reader reads both).
document.addEventListener('DOMContentLoaded', function () {
    var first = document.querySelector('form .is-invalid');
    if (first && !document.activeElement.matches('input, select, textarea')) {
        first.focus();
    }
});
