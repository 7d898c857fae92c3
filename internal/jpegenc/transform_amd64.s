//go:build !purego

#include "textflag.h"

// transformAVX2 does what transformGo does with eight 32-bit lanes per
// instruction: the 8×8 block is transposed so that one vector holds one
// column for each row, one pass of the transform runs on all eight rows
// at once, the result is transposed back and the same pass runs on the
// columns. The sums and products are the scalar code's, lane by lane, so
// the coefficients are the same to the bit.

// The transform's constants, from ·fdctK, 32 bytes each.
#define K4433 ·fdctK+0(SB)
#define K6270 ·fdctK+32(SB)
#define K15137 ·fdctK+64(SB)
#define K9633 ·fdctK+96(SB)
#define K2446 ·fdctK+128(SB)
#define K16819 ·fdctK+160(SB)
#define K25172 ·fdctK+192(SB)
#define K12299 ·fdctK+224(SB)
#define KM7373 ·fdctK+256(SB)
#define KM20995 ·fdctK+288(SB)
#define KM16069 ·fdctK+320(SB)
#define KM3196 ·fdctK+352(SB)
#define ROUND11 ·fdctK+384(SB)
#define ROUND15 ·fdctK+416(SB)
#define ROUND2 ·fdctK+448(SB)
#define K126 ·fdctK+480(SB)
#define KONE ·fdctK+512(SB)

// TRANSPOSE transposes the 8×8 matrix whose rows are i0…i7 into
// t0…t7 (t0 holds column 0), using i0…i7 as scratch.
#define TRANSPOSE(i0, i1, i2, i3, i4, i5, i6, i7, t0, t1, t2, t3, t4, t5, t6, t7) \
	VPUNPCKLDQ i1, i0, t0 \
	VPUNPCKHDQ i1, i0, t1 \
	VPUNPCKLDQ i3, i2, t2 \
	VPUNPCKHDQ i3, i2, t3 \
	VPUNPCKLDQ i5, i4, t4 \
	VPUNPCKHDQ i5, i4, t5 \
	VPUNPCKLDQ i7, i6, t6 \
	VPUNPCKHDQ i7, i6, t7 \
	VPUNPCKLQDQ t2, t0, i0 \
	VPUNPCKHQDQ t2, t0, i1 \
	VPUNPCKLQDQ t3, t1, i2 \
	VPUNPCKHQDQ t3, t1, i3 \
	VPUNPCKLQDQ t6, t4, i4 \
	VPUNPCKHQDQ t6, t4, i5 \
	VPUNPCKLQDQ t7, t5, i6 \
	VPUNPCKHQDQ t7, t5, i7 \
	VPERM2I128 $0x20, i4, i0, t0 \
	VPERM2I128 $0x20, i5, i1, t1 \
	VPERM2I128 $0x20, i6, i2, t2 \
	VPERM2I128 $0x20, i7, i3, t3 \
	VPERM2I128 $0x31, i4, i0, t4 \
	VPERM2I128 $0x31, i5, i1, t5 \
	VPERM2I128 $0x31, i6, i2, t6 \
	VPERM2I128 $0x31, i7, i3, t7

// EVEN0 and EVEN1 scale o0 and o4 (in f2 and f3) for the first and the
// second pass.
#define EVEN0(f2, f3) \
	VPSLLD $2, f2, f2 \
	VPSLLD $2, f3, f3

#define EVEN1(f2, f3) \
	DESCALE(f2, ROUND2, 2) \
	DESCALE(f3, ROUND2, 2)

// DESCALE divides r by 2^SHIFT, rounding half up.
#define DESCALE(r, ROUND, SHIFT) \
	VPADDD ROUND, r, r \
	VPSRAD $SHIFT, r, r

// ODD finishes an odd output: o + a + b, descaled.
#define ODD(o, a, b, ROUND, SHIFT) \
	VPADDD a, o, o \
	VPADDD b, o, o \
	DESCALE(o, ROUND, SHIFT)

// PASS is one 1-D pass over eight vectors d0…d7, with f0…f7 free. It
// leaves o0…o7 in f2, d0, f5, d1, f3, d2, f0, d3; f1, f4, f6, f7 and
// d4…d7 are free after it. In fdct1's names: d0…d3 become tmp7, tmp6,
// tmp5, tmp4; f0, f1 tmp13, tmp12; f4 z1 of the even part; d4…d7 z1…z4
// of the odd part and f1 z5.
#define PASS(d0, d1, d2, d3, d4, d5, d6, d7, f0, f1, f2, f3, f4, f5, f6, f7, EVEN, ROUND, SHIFT) \
	VPADDD d7, d0, f0 \
	VPSUBD d7, d0, d0 \
	VPADDD d6, d1, f1 \
	VPSUBD d6, d1, d1 \
	VPADDD d5, d2, f2 \
	VPSUBD d5, d2, d2 \
	VPADDD d4, d3, f3 \
	VPSUBD d4, d3, d3 \
	VPADDD f3, f0, f4 \
	VPSUBD f3, f0, f0 \
	VPADDD f2, f1, f5 \
	VPSUBD f2, f1, f1 \
	VPADDD f5, f4, f2 \
	VPSUBD f5, f4, f3 \
	EVEN(f2, f3) \
	VPADDD f0, f1, f4 \
	VPMULLD K4433, f4, f4 \
	VPMULLD K6270, f0, f5 \
	VPADDD f4, f5, f5 \
	DESCALE(f5, ROUND, SHIFT) \
	VPMULLD K15137, f1, f0 \
	VPSUBD f0, f4, f0 \
	DESCALE(f0, ROUND, SHIFT) \
	VPADDD d0, d3, d4 \
	VPADDD d1, d2, d5 \
	VPADDD d1, d3, d6 \
	VPADDD d0, d2, d7 \
	VPADDD d7, d6, f1 \
	VPMULLD K9633, f1, f1 \
	VPMULLD K2446, d3, d3 \
	VPMULLD K16819, d2, d2 \
	VPMULLD K25172, d1, d1 \
	VPMULLD K12299, d0, d0 \
	VPMULLD KM7373, d4, d4 \
	VPMULLD KM20995, d5, d5 \
	VPMULLD KM16069, d6, d6 \
	VPADDD f1, d6, d6 \
	VPMULLD KM3196, d7, d7 \
	VPADDD f1, d7, d7 \
	ODD(d3, d4, d6, ROUND, SHIFT) \
	ODD(d2, d5, d7, ROUND, SHIFT) \
	ODD(d1, d5, d6, ROUND, SHIFT) \
	ODD(d0, d4, d7, ROUND, SHIFT)

// QUANT quantises row k, in o, into q (DI) and ORs its zero lanes' bits
// into R8; Y15 is zero, Y14 holds 126 and Y13 ones. BX points at the
// divisors: half, hi and lo, 256 bytes each. The quotient is (x·hi +
// (x·lo >> 16)) >> 16, x = |c| + half, and takes c's sign. It also
// writes each quotient's bits as coded, 256 bytes after q: its bit
// length n, from the exponent of |quotient| as a float (exact below
// 2²⁴), in the top byte, and below it the quotient, less one if
// negative, in n bits.
#define QUANT(o, k) \
	VPABSD o, Y0 \
	VPADDD (k*32)(BX), Y0, Y0 \
	VPMULLD (512+k*32)(BX), Y0, Y3 \
	VPMULLD (256+k*32)(BX), Y0, Y0 \
	VPSRLD $16, Y3, Y3 \
	VPADDD Y3, Y0, Y0 \
	VPSRLD $16, Y0, Y0 \
	VCVTDQ2PS Y0, Y8 \
	VPSRLD $23, Y8, Y8 \
	VPSUBD Y14, Y8, Y8 \
	VPMAXSD Y15, Y8, Y8 \
	VPSIGND o, Y0, Y0 \
	VMOVDQU Y0, (k*32)(DI) \
	VPSRAD $31, Y0, Y11 \
	VPADDD Y0, Y11, Y11 \
	VPSLLVD Y8, Y13, Y12 \
	VPSUBD Y13, Y12, Y12 \
	VPAND Y12, Y11, Y11 \
	VPSLLD $24, Y8, Y8 \
	VPOR Y8, Y11, Y11 \
	VMOVDQU Y11, (256+k*32)(DI) \
	VPCMPEQD Y15, Y0, Y0 \
	VMOVMSKPS Y0, AX \
	SHLQ $(k*8), AX \
	ORQ AX, R8

// func transformAVX2(b *[64]int32, d *divisors, c *coefs) uint64
TEXT ·transformAVX2(SB), NOSPLIT, $0-32
	MOVQ b+0(FP), SI
	MOVQ d+8(FP), BX
	MOVQ c+16(FP), DI
	VMOVDQU 0(SI), Y0
	VMOVDQU 32(SI), Y1
	VMOVDQU 64(SI), Y2
	VMOVDQU 96(SI), Y3
	VMOVDQU 128(SI), Y4
	VMOVDQU 160(SI), Y5
	VMOVDQU 192(SI), Y6
	VMOVDQU 224(SI), Y7
	// Rows: transpose so each vector holds one column, then transform.
	TRANSPOSE(Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15)
	PASS(Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15, Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7, EVEN0, ROUND11, 11)
	// Columns.
	TRANSPOSE(Y2, Y8, Y5, Y9, Y3, Y10, Y0, Y11, Y1, Y4, Y6, Y7, Y12, Y13, Y14, Y15)
	PASS(Y1, Y4, Y6, Y7, Y12, Y13, Y14, Y15, Y2, Y8, Y5, Y9, Y3, Y10, Y0, Y11, EVEN1, ROUND15, 15)
	// Rows 0…7 of the coefficients are in Y5, Y1, Y10, Y4, Y9, Y6, Y2, Y7.
	VPXOR Y15, Y15, Y15
	VMOVDQU K126, Y14
	VMOVDQU KONE, Y13
	XORQ R8, R8
	QUANT(Y5, 0)
	QUANT(Y1, 1)
	QUANT(Y10, 2)
	QUANT(Y4, 3)
	QUANT(Y9, 4)
	QUANT(Y6, 5)
	QUANT(Y2, 6)
	QUANT(Y7, 7)
	NOTQ R8
	MOVQ R8, ret+24(FP)
	VZEROUPPER
	RET

// loadAVX2's constants, from ·yccK, 32 bytes each.
#define YR ·yccK+0(SB)
#define YG ·yccK+32(SB)
#define YB ·yccK+64(SB)
#define YROUND ·yccK+96(SB)
#define CBR ·yccK+128(SB)
#define CBG ·yccK+160(SB)
#define CROUND ·yccK+192(SB)
#define CRG ·yccK+224(SB)
#define CRB ·yccK+256(SB)
#define C255 ·yccK+288(SB)
#define C128 ·yccK+320(SB)
#define BYTE ·yccK+352(SB)
#define MEAN2 ·yccK+384(SB)

// MULADD adds K times SRC to ACC, with Y4 as scratch.
#define MULADD(K, SRC, ACC) \
	VPMULLD K, SRC, Y4 \
	VPADDD Y4, ACC, ACC

// YCC converts the eight RGBA pixels in X as ycc does: Y level-shifted
// into YO, Cb and Cr not yet (they are averaged first) into CB and CR.
// Y1…Y4 are scratch. Cb and Cr never fall below 0 for 8-bit colours,
// so only their top is clamped.
#define YCC(X, YO, CB, CR) \
	VPAND BYTE, X, Y1 \
	VPSRLD $8, X, Y2 \
	VPAND BYTE, Y2, Y2 \
	VPSRLD $16, X, Y3 \
	VPAND BYTE, Y3, Y3 \
	VPMULLD YR, Y1, YO \
	MULADD(YG, Y2, YO) \
	MULADD(YB, Y3, YO) \
	DESCALE(YO, YROUND, 16) \
	VPSUBD C128, YO, YO \
	VPMULLD CBR, Y1, CB \
	MULADD(CBG, Y2, CB) \
	VPSLLD $15, Y3, Y4 \
	VPADDD Y4, CB, CB \
	DESCALE(CB, CROUND, 16) \
	VPMINSD C255, CB, CB \
	VPSLLD $15, Y1, CR \
	MULADD(CRG, Y2, CR) \
	MULADD(CRB, Y3, CR) \
	DESCALE(CR, CROUND, 16) \
	VPMINSD C255, CR, CR

// ROW converts the 16 pixels at P: their Y into the luma blocks at
// YOFF(DI) and YOFF+256(DI), the sums of each pair's Cb and Cr into CBS
// and CRS, in order.
#define ROW(P, YOFF, CBS, CRS) \
	VMOVDQU (P), Y0 \
	YCC(Y0, Y5, Y6, Y8) \
	VMOVDQU Y5, (YOFF)(DI) \
	VMOVDQU 32(P), Y0 \
	YCC(Y0, Y5, Y7, Y9) \
	VMOVDQU Y5, (YOFF+256)(DI) \
	VPHADDD Y7, Y6, CBS \
	VPERMQ $0xd8, CBS, CBS \
	VPHADDD Y9, Y8, CRS \
	VPERMQ $0xd8, CRS, CRS

// MEAN stores the level-shifted rounded means of the sums of pairs in A
// and B at OFF(DI).
#define MEAN(A, B, OFF) \
	VPADDD B, A, A \
	DESCALE(A, MEAN2, 2) \
	VPSUBD C128, A, A \
	VMOVDQU A, (OFF)(DI)

// PAIR converts rows 2p and 2p+1 of the MCU, whose offsets in pix are at
// R0(DX) and R1(DX): YOFF is row 2p's place in the luma blocks, COFF
// chroma row p's in cb and cr. Chroma is the rounded mean of each 2×2
// group, level-shifted.
#define PAIR(R0, R1, YOFF, COFF) \
	MOVQ R0(DX), R8 \
	ADDQ CX, R8 \
	ADDQ SI, R8 \
	ROW(R8, YOFF, Y10, Y11) \
	MOVQ R1(DX), R8 \
	ADDQ CX, R8 \
	ADDQ SI, R8 \
	ROW(R8, YOFF+32, Y12, Y13) \
	MEAN(Y10, Y12, 1024+COFF) \
	MEAN(Y11, Y13, 1280+COFF)

// func loadAVX2(m *mcu, pix *uint8, ys *[16]int, x0 int)
//
// loadAVX2 does what load's Go code does, two rows at a time. m holds
// four luma blocks of 256 bytes, then cb and cr.
TEXT ·loadAVX2(SB), NOSPLIT, $0-32
	MOVQ m+0(FP), DI
	MOVQ pix+8(FP), SI
	MOVQ ys+16(FP), DX
	MOVQ x0+24(FP), CX
	PAIR(0, 8, 0, 0)
	PAIR(16, 24, 64, 32)
	PAIR(32, 40, 128, 64)
	PAIR(48, 56, 192, 96)
	PAIR(64, 72, 512, 128)
	PAIR(80, 88, 576, 160)
	PAIR(96, 104, 640, 192)
	PAIR(112, 120, 704, 224)
	VZEROUPPER
	RET

// func flatAVX2(pix *uint8, ys *[16]int, x0 int) bool
//
// flatAVX2 does what flat does for an MCU inside the picture, whose rows
// of 64 bytes start x0 bytes into the rows at ys: it compares each row
// with the first pixel, 32 bytes at a time, and stops at the first row
// that differs.
TEXT ·flatAVX2(SB), NOSPLIT, $0-25
	MOVQ pix+0(FP), SI
	MOVQ ys+8(FP), DX
	MOVQ x0+16(FP), CX
	ADDQ CX, SI
	MOVQ (DX), R8
	VPBROADCASTD (SI)(R8*1), Y0
	XORQ BX, BX
row:
	MOVQ (DX)(BX*1), R8
	VPCMPEQD (SI)(R8*1), Y0, Y1
	VPCMPEQD 32(SI)(R8*1), Y0, Y2
	VPAND Y2, Y1, Y1
	VPMOVMSKB Y1, AX
	CMPL AX, $-1
	JNE differs
	ADDQ $8, BX
	CMPQ BX, $128
	JB row
	MOVB $1, ret+24(FP)
	VZEROUPPER
	RET
differs:
	MOVB $0, ret+24(FP)
	VZEROUPPER
	RET
