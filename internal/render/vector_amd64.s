//go:build !purego

#include "textflag.h"

// DIV65535 divides each lane of R, at most 4294901760, by 65535, with T as
// scratch: (x + x>>16 + 1) >> 16 is x/65535 for every such x. Y13 holds
// ones.
#define DIV65535(R, T) \
	VPSRLD $16, R, T \
	VPADDD T, R, R \
	VPADDD Y13, R, R \
	VPSRLD $16, R, R

// func glyphOverAVX2(dst *uint8, dstStride int, mask *uint8, maskStride int, pairs, rows int, c *ink)
//
// glyphOverAVX2 does what glyphOver's Go code does to rows×2·pairs
// pixels, two pixels at a time, one channel a lane: with a16 the coverage
// times 257, out = (p·k + s·a16)/65535 >> 8, k = (65535 − sa·a16/65535)·257.
// Where the coverage is 0 that gives p back, and where it is full and the
// colour opaque the colour itself; pairs of such pixels are skipped or
// stored without it.
TEXT ·glyphOverAVX2(SB), NOSPLIT, $0-56
	MOVQ dst+0(FP), DI
	MOVQ dstStride+8(FP), R8
	MOVQ mask+16(FP), SI
	MOVQ maskStride+24(FP), R9
	MOVQ pairs+32(FP), R10
	MOVQ rows+40(FP), R11
	MOVQ c+48(FP), BX
	MOVQ 64(BX), R12              // two pixels of the colour, if opaque
	VMOVDQU 0(BX), Y10            // the colour's channels, for two pixels
	VMOVDQU 32(BX), Y11           // its alpha, in every lane
	VMOVDQU ·overK+0(SB), Y12     // 65535
	VMOVDQU ·overK+32(SB), Y13    // 1
	VMOVDQU ·overK+64(SB), Y14    // spreads two coverage bytes over four lanes each
	VMOVDQU ·overK+96(SB), Y15    // gathers each lane's low byte
	VMOVDQU ·overK+128(SB), Y9    // puts the two pixels side by side
row:
	XORQ CX, CX
pair:
	MOVWLZX (SI)(CX*2), AX
	TESTL AX, AX
	JZ next                       // no coverage: the pixels stay
	CMPL AX, $0xffff
	JNE blend
	TESTQ R12, R12
	JZ blend
	MOVQ R12, (DI)(CX*8)          // full coverage of an opaque colour: the colour
	JMP next
blend:
	VMOVD AX, X1
	VPSHUFB X14, X1, X1
	VPMOVZXBD X1, Y1
	VPSLLD $8, Y1, Y2
	VPOR Y1, Y2, Y2               // a16
	VPMULLD Y11, Y2, Y3
	DIV65535(Y3, Y4)              // sa·a16/65535
	VPSUBD Y3, Y12, Y3
	VPSLLD $8, Y3, Y4
	VPADDD Y4, Y3, Y3             // k
	VPMOVZXBD (DI)(CX*8), Y4
	VPMULLD Y3, Y4, Y4
	VPMULLD Y10, Y2, Y5
	VPADDD Y5, Y4, Y4
	DIV65535(Y4, Y5)
	VPSRLD $8, Y4, Y4
	VPSHUFB Y15, Y4, Y4
	VPERMD Y4, Y9, Y4
	VMOVQ X4, (DI)(CX*8)
next:
	INCQ CX
	CMPQ CX, R10
	JB pair
	ADDQ R8, DI
	ADDQ R9, SI
	DECQ R11
	JNZ row
	VZEROUPPER
	RET

// func linearRowAVX2(row *uint8, cols *float64, n int, base, top float64, words *[2048]uint32)
//
// linearRowAVX2 does what linearRow's Go code does for the first n
// pixels of a row, n a multiple of 8: each column's share plus base,
// clamped to [0, top] and truncated, picks the pixel's word from words,
// eight pixels at a time.
TEXT ·linearRowAVX2(SB), NOSPLIT, $0-48
	MOVQ row+0(FP), DI
	MOVQ cols+8(FP), SI
	MOVQ n+16(FP), CX
	VBROADCASTSD base+24(FP), Y0
	VBROADCASTSD top+32(FP), Y2
	MOVQ words+40(FP), BX
	VXORPD Y1, Y1, Y1
	XORQ AX, AX
	TESTQ CX, CX
	JZ done
step:
	VADDPD (SI)(AX*8), Y0, Y3
	VADDPD 32(SI)(AX*8), Y0, Y4
	VMAXPD Y1, Y3, Y3
	VMAXPD Y1, Y4, Y4
	VMINPD Y2, Y3, Y3
	VMINPD Y2, Y4, Y4
	VCVTTPD2DQY Y3, X3
	VCVTTPD2DQY Y4, X4
	VINSERTI128 $1, X4, Y3, Y3
	VPCMPEQD Y5, Y5, Y5
	VPGATHERDD Y5, (BX)(Y3*4), Y6
	VMOVDQU Y6, (DI)(AX*4)
	ADDQ $8, AX
	CMPQ AX, CX
	JB step
done:
	VZEROUPPER
	RET
