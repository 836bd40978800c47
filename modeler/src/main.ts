/** @module main — entry of the browser front end: the home page until the workspaces mount their own views. */
const app = document.querySelector<HTMLDivElement>('#app');
if (app) {
  app.innerHTML = `
    <header><h1>Liên thông</h1><p>Hệ thống xử lý thủ tục hành chính liên thông</p></header>
    <main><p id="health">Đang kiểm tra máy chủ…</p></main>`;
  fetch('/health')
    .then((response) => response.json())
    .then((body: { status: string; database: string }) => {
      const line = document.querySelector('#health');
      if (line) line.textContent = `Máy chủ: ${body.status === 'ok' ? 'hoạt động' : 'gặp sự cố'} · cơ sở dữ liệu: ${body.database}`;
    })
    .catch(() => undefined);
}
