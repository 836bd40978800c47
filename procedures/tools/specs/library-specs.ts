/** @module library-specs — every procedure of the library, in the order of procedures/README.md. */
import type { ProcedureSpec } from '../procedure-spec';
import { capGiayChungNhanDangKyDauTu } from './cap-giay-chung-nhan-dang-ky-dau-tu';
import { capGiayPhepXayDungNhaO } from './cap-giay-phep-xay-dung-nha-o';
import { dangKyBienDongDatDai } from './dang-ky-bien-dong-dat-dai';
import { dangKyThanhLapDoanhNghiep } from './dang-ky-thanh-lap-doanh-nghiep';
import { lienThongKhaiSinh } from './lien-thong-khai-sinh';
import { lienThongKhaiTu } from './lien-thong-khai-tu';

export const LIBRARY_SPECS: readonly ProcedureSpec[] = [
  lienThongKhaiSinh,
  lienThongKhaiTu,
  capGiayChungNhanDangKyDauTu,
  capGiayPhepXayDungNhaO,
  dangKyBienDongDatDai,
  dangKyThanhLapDoanhNghiep,
];
