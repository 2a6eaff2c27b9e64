// Shared by the report pages: sortable tables (click a header) and the page data embedded as JSON.
(function () {
  function cellValue(row, index) {
    const cell = row.cells[index];
    const raw = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
    const number = Number(raw.replace('%', ''));
    return raw !== '' && !Number.isNaN(number) ? number : raw.toLowerCase();
  }
  function sortBy(table, th) {
    const index = Array.from(th.parentNode.children).indexOf(th);
    const ascending = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('th').forEach(h => h.removeAttribute('aria-sort'));
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    rows.sort((a, b) => {
      const x = cellValue(a, index), y = cellValue(b, index);
      const order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach(r => body.appendChild(r));
  }
  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('table.sortable th').forEach(th =>
      th.addEventListener('click', () => sortBy(th.closest('table'), th)));
  });
  window.pageData = function () {
    return JSON.parse(document.getElementById('page-data').textContent);
  };
})();
