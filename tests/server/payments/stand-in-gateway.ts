/**
 * A local stand-in for a VNPAY-style payment gateway, started in the test on 127.0.0.1, signing exactly as the real
 * one does (server/src/payments/vnpay-signature.ts's rule, written again here from the published 2.1.0 guide so the
 * test does not check the adapter against itself): the payment page (refuses a request whose signature is wrong),
 * a Vietnamese page where the citizen pays or cancels, then the IPN to the merchant's server and the browser's
 * redirect to the return URL; the merchant API (`querydr`, `refund`) with checksums both ways. For the tests it also
 * makes callbacks by hand: genuine, forged (another key, a changed field), mismatched (amount, order) and replays.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInOrder {
  txnRef: string;
  amountMinor: number;
  returnUrl: string;
  createDate: string;
  orderInfo: string;
  status: 'created' | 'paid' | 'cancelled';
  transactionNo?: string;
  payDate?: string;
}

const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
const hmac = (secret: string, data: string) => createHmac('sha512', secret).update(data, 'utf8').digest('hex');

/** The gateway's signing rule: `vnp_` fields but the hash, sorted, form-encoded, `&`-joined, HMAC-SHA512. */
export function signQuery(secret: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .filter((key) => key.startsWith('vnp_') && key !== 'vnp_SecureHash' && key !== 'vnp_SecureHashType' && params[key] !== '')
    .sort()
    .map((key) => `${encode(key)}=${encode(params[key]!)}`)
    .join('&');
  return hmac(secret, data);
}

const pipe = (secret: string, values: (string | undefined)[]) => hmac(secret, values.map((value) => value ?? '').join('|'));

function vnTime(at: number): string {
  return new Date(at + 7 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export interface StandInGateway {
  url: string;
  paymentUrl: string;
  apiUrl: string;
  orders: Map<string, StandInOrder>;
  /** Every IPN the gateway sent and the merchant's answer. */
  ipnAnswers: { params: Record<string, string>; answer: unknown }[];
  /** Every refund the merchant asked for. */
  refunds: { txnRef: string; amountMinor: number; transactionNo: string; createBy: string }[];
  /** The callback parameters the gateway would send for `txnRef` now (paid unless told), signed, with overrides before signing. */
  callbackParams(txnRef: string, overrides?: Record<string, string>, options?: { secret?: string }): Record<string, string>;
  /** Takes the payment at the gateway without telling the merchant (a lost IPN). */
  payQuietly(txnRef: string): StandInOrder;
  /** Sends the IPN with `params` to the merchant, as the gateway does (GET with the query), and returns its JSON answer. */
  sendIpn(params: Record<string, string>): Promise<{ RspCode: string; Message: string }>;
  close(): Promise<void>;
}

export async function startStandInGateway(options: { merchantCode: string; secret: string; ipnUrl: () => string; now?: () => number }): Promise<StandInGateway> {
  const orders = new Map<string, StandInOrder>();
  const ipnAnswers: StandInGateway['ipnAnswers'] = [];
  const refunds: StandInGateway['refunds'] = [];
  let transactions = 14_000_000;
  const now = options.now ?? Date.now;

  function settle(order: StandInOrder): StandInOrder {
    if (order.status !== 'paid') {
      order.status = 'paid';
      order.transactionNo = String((transactions += 1));
      order.payDate = vnTime(now());
    }
    return order;
  }

  function callbackParams(txnRef: string, overrides: Record<string, string> = {}, signing: { secret?: string } = {}): Record<string, string> {
    const order = orders.get(txnRef);
    const params: Record<string, string> = {
      vnp_TmnCode: options.merchantCode,
      vnp_Amount: String(order?.amountMinor ?? 100_000_00),
      vnp_BankCode: 'NCB',
      vnp_BankTranNo: `VNP${order?.transactionNo ?? '0'}`,
      vnp_CardType: 'ATM',
      vnp_OrderInfo: order?.orderInfo ?? 'Nop phi',
      vnp_PayDate: order?.payDate ?? vnTime(now()),
      vnp_ResponseCode: order?.status === 'cancelled' ? '24' : '00',
      vnp_TransactionNo: order?.transactionNo ?? '0',
      vnp_TransactionStatus: order?.status === 'cancelled' ? '02' : '00',
      vnp_TxnRef: txnRef,
      ...overrides,
    };
    return { ...params, vnp_SecureHash: signQuery(signing.secret ?? options.secret, params) };
  }

  async function sendIpn(params: Record<string, string>) {
    const response = await fetch(`${options.ipnUrl()}?${new URLSearchParams(params)}`);
    const answer = (await response.json()) as { RspCode: string; Message: string };
    ipnAnswers.push({ params, answer });
    return answer;
  }

  const page = (title: string, body: string) =>
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>` +
    '<style>body{font-family:sans-serif;margin:0;padding:16px;background:#f4f6fb}main{max-width:420px;margin:auto;background:#fff;padding:16px;border-radius:8px}button{font-size:16px;padding:10px 16px;margin:8px 8px 0 0}</style>' +
    `</head><body><main>${body}</main></body></html>`;

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (request.method === 'GET' && url.pathname === '/paymentv2/vpcpay.html') {
        const params = Object.fromEntries(url.searchParams);
        if (params.vnp_SecureHash !== signQuery(options.secret, params) || params.vnp_TmnCode !== options.merchantCode) {
          response.writeHead(400, { 'content-type': 'text/html; charset=utf-8' }).end(page('Lỗi', '<h1>Sai chữ ký</h1>'));
          return;
        }
        const order: StandInOrder = orders.get(params.vnp_TxnRef!) ?? {
          txnRef: params.vnp_TxnRef!,
          amountMinor: Number(params.vnp_Amount),
          returnUrl: params.vnp_ReturnUrl!,
          createDate: params.vnp_CreateDate!,
          orderInfo: params.vnp_OrderInfo!,
          status: 'created',
        };
        orders.set(order.txnRef, order);
        const amount = (order.amountMinor / 100).toLocaleString('vi-VN');
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
          page(
            'Cổng thanh toán thử nghiệm',
            `<h1>Cổng thanh toán thử nghiệm</h1><p>Đơn hàng: <b id="order">${order.txnRef}</b></p><p>${order.orderInfo}</p><p>Số tiền: <b id="amount">${amount} đ</b></p>` +
              `<form method="post" action="/paymentv2/pay"><input type="hidden" name="txnRef" value="${order.txnRef}"><button name="choice" value="pay">Thanh toán</button><button name="choice" value="cancel">Hủy giao dịch</button></form>`,
          ),
        );
        return;
      }
      if (request.method === 'POST' && url.pathname === '/paymentv2/pay') {
        const form = new URLSearchParams(await bodyOf(request));
        const order = orders.get(form.get('txnRef') ?? '');
        if (!order) {
          response.writeHead(404).end();
          return;
        }
        if (form.get('choice') === 'pay') settle(order);
        else order.status = 'cancelled';
        const params = callbackParams(order.txnRef);
        await sendIpn(params); // server to server first, as the gateway does
        response.writeHead(302, { location: `${order.returnUrl}?${new URLSearchParams(params)}` }).end();
        return;
      }
      if (request.method === 'POST' && url.pathname === '/merchant_webapi/api/transaction') {
        const body = JSON.parse(await bodyOf(request)) as Record<string, string>;
        const command = body.vnp_Command;
        const expected =
          command === 'querydr'
            ? pipe(options.secret, [body.vnp_RequestId, body.vnp_Version, body.vnp_Command, body.vnp_TmnCode, body.vnp_TxnRef, body.vnp_TransactionDate, body.vnp_CreateDate, body.vnp_IpAddr, body.vnp_OrderInfo])
            : pipe(options.secret, [body.vnp_RequestId, body.vnp_Version, body.vnp_Command, body.vnp_TmnCode, body.vnp_TransactionType, body.vnp_TxnRef, body.vnp_Amount, body.vnp_TransactionNo, body.vnp_TransactionDate, body.vnp_CreateBy, body.vnp_CreateDate, body.vnp_IpAddr, body.vnp_OrderInfo]);
        const order = orders.get(body.vnp_TxnRef ?? '');
        let answer: Record<string, string>;
        if (expected !== body.vnp_SecureHash) answer = { vnp_ResponseCode: '97', vnp_Message: 'Invalid Checksum' };
        else if (!order) answer = { vnp_ResponseCode: '91', vnp_Message: 'Transaction not found' };
        else if (command === 'refund') {
          if (order.status !== 'paid' || Number(body.vnp_Amount) !== order.amountMinor) answer = { vnp_ResponseCode: '02', vnp_Message: 'Refund refused' };
          else {
            refunds.push({ txnRef: order.txnRef, amountMinor: Number(body.vnp_Amount), transactionNo: body.vnp_TransactionNo ?? '', createBy: body.vnp_CreateBy ?? '' });
            answer = { vnp_ResponseCode: '00', vnp_Message: 'Refund success', vnp_TransactionNo: String((transactions += 1)), vnp_TransactionType: '02', vnp_TransactionStatus: '05' };
          }
        } else {
          answer = {
            vnp_ResponseCode: '00',
            vnp_Message: 'QueryDR Success',
            vnp_TransactionNo: order.transactionNo ?? '',
            vnp_TransactionType: '01',
            vnp_TransactionStatus: order.status === 'paid' ? '00' : order.status === 'cancelled' ? '02' : '01',
            vnp_PayDate: order.payDate ?? '',
            vnp_BankCode: 'NCB',
          };
        }
        const full: Record<string, string> = { vnp_ResponseId: body.vnp_RequestId ?? '', vnp_Command: command ?? '', vnp_TmnCode: options.merchantCode, vnp_TxnRef: body.vnp_TxnRef ?? '', vnp_Amount: String(order?.amountMinor ?? ''), vnp_OrderInfo: order?.orderInfo ?? '', vnp_BankCode: '', vnp_PayDate: '', vnp_TransactionNo: '', vnp_TransactionType: '', vnp_TransactionStatus: '', ...answer };
        const fields = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo'];
        if (command === 'querydr') fields.push('vnp_PromotionCode', 'vnp_PromotionAmount');
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...full, vnp_SecureHash: pipe(options.secret, fields.map((field) => full[field])) }));
        return;
      }
      response.writeHead(404).end();
    })().catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    paymentUrl: `${url}/paymentv2/vpcpay.html`,
    apiUrl: `${url}/merchant_webapi/api/transaction`,
    orders,
    ipnAnswers,
    refunds,
    callbackParams,
    payQuietly: (txnRef) => settle(orders.get(txnRef)!),
    sendIpn,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
