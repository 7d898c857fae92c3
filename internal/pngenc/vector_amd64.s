//go:build !purego

#include "textflag.h"

// Weights 32, 31, … 1 of the bytes of a 32-byte chunk in s2.
DATA adlerWeights<>+0(SB)/8, $0x191a1b1c1d1e1f20
DATA adlerWeights<>+8(SB)/8, $0x1112131415161718
DATA adlerWeights<>+16(SB)/8, $0x090a0b0c0d0e0f10
DATA adlerWeights<>+24(SB)/8, $0x0102030405060708
GLOBL adlerWeights<>(SB), RODATA|NOPTR, $32

DATA ones16<>+0(SB)/8, $0x0001000100010001
DATA ones16<>+8(SB)/8, $0x0001000100010001
DATA ones16<>+16(SB)/8, $0x0001000100010001
DATA ones16<>+24(SB)/8, $0x0001000100010001
GLOBL ones16<>(SB), RODATA|NOPTR, $32

// HSUMQ adds the four 64-bit lanes of Y into R, using X8 and X9.
#define HSUMQ(Y, X, R) \
	VEXTRACTI128 $1, Y, X8 \
	VPADDQ X8, X, X8 \
	VPSHUFD $0x4e, X8, X9 \
	VPADDQ X9, X8, X8 \
	MOVQ X8, R

// func adlerAVX2(b []byte) (s1, s2 uint64)
//
// For each chunk, Y0 gains its byte sums (four 64-bit lanes), Y1 gains
// Y0 as it stood before the chunk (so 32·Y1 is what the chunks before
// each one add to s2), and Y2 the chunk's bytes times their weights
// (eight 32-bit lanes).
TEXT ·adlerAVX2(SB), NOSPLIT, $0-40
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	SHRQ $5, CX
	VPXOR Y0, Y0, Y0
	VPXOR Y1, Y1, Y1
	VPXOR Y2, Y2, Y2
	VPXOR Y7, Y7, Y7
	VMOVDQU adlerWeights<>(SB), Y5
	VMOVDQU ones16<>(SB), Y6

loop:
	VMOVDQU (SI), Y3
	VPADDQ Y0, Y1, Y1
	VPSADBW Y7, Y3, Y4
	VPADDQ Y4, Y0, Y0
	VPMADDUBSW Y5, Y3, Y4
	VPMADDWD Y6, Y4, Y4
	VPADDD Y4, Y2, Y2
	ADDQ $32, SI
	DECQ CX
	JNZ loop

	HSUMQ(Y0, X0, AX)
	MOVQ AX, s1+24(FP)
	HSUMQ(Y1, X1, BX)
	SHLQ $5, BX
	// The weighted sums in 64-bit lanes: odd lanes shifted down, even
	// ones with the odd zeroed.
	VPSRLQ $32, Y2, Y3
	VPBLENDD $0xaa, Y7, Y2, Y4
	VPADDQ Y4, Y3, Y3
	HSUMQ(Y3, X3, DX)
	ADDQ DX, BX
	MOVQ BX, s2+32(FP)
	VZEROUPPER
	RET

// Within each 16-byte half: the RGB of its four pixels first.
DATA rgbShuffle<>+0(SB)/8, $0x0908060504020100
DATA rgbShuffle<>+8(SB)/8, $0x808080800e0d0c0a
DATA rgbShuffle<>+16(SB)/8, $0x0908060504020100
DATA rgbShuffle<>+24(SB)/8, $0x808080800e0d0c0a
GLOBL rgbShuffle<>(SB), RODATA|NOPTR, $32

// Then the two halves' 12 bytes side by side.
DATA rgbJoin<>+0(SB)/8, $0x0000000100000000
DATA rgbJoin<>+8(SB)/8, $0x0000000400000002
DATA rgbJoin<>+16(SB)/8, $0x0000000600000005
DATA rgbJoin<>+24(SB)/8, $0x0000000700000007
GLOBL rgbJoin<>(SB), RODATA|NOPTR, $32

// func packRGBAVX2(dst, rgba *byte, n int) int
TEXT ·packRGBAVX2(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ rgba+8(FP), SI
	MOVQ n+16(FP), CX
	VMOVDQU rgbShuffle<>(SB), Y1
	VMOVDQU rgbJoin<>(SB), Y2
	XORQ AX, AX

pack:
	// Eight pixels a step while at least 11 are left: the store of 32
	// bytes for 24 then stays inside dst.
	LEAQ 11(AX), DX
	CMPQ DX, CX
	JGT done
	VMOVDQU (SI)(AX*4), Y0
	VPSHUFB Y1, Y0, Y0
	VPERMD Y0, Y2, Y0
	LEAQ (AX)(AX*2), DX
	VMOVDQU Y0, (DI)(DX*1)
	ADDQ $8, AX
	JMP pack

done:
	MOVQ AX, ret+24(FP)
	VZEROUPPER
	RET

// func samePrefixAVX2(a, b *byte, n int) int
//
// Compares 32 bytes a step, n/32 steps at most; returns the index of the
// first byte that differs, or the number of bytes compared.
TEXT ·samePrefixAVX2(SB), NOSPLIT, $0-32
	MOVQ a+0(FP), SI
	MOVQ b+8(FP), DI
	MOVQ n+16(FP), CX
	ANDQ $~31, CX
	XORQ AX, AX

compare:
	CMPQ AX, CX
	JAE same
	VMOVDQU (SI)(AX*1), Y0
	VPCMPEQB (DI)(AX*1), Y0, Y0
	VPMOVMSKB Y0, DX
	NOTL DX
	TESTL DX, DX
	JNZ differ
	ADDQ $32, AX
	JMP compare

differ:
	BSFL DX, DX
	ADDQ DX, AX

same:
	MOVQ AX, ret+24(FP)
	VZEROUPPER
	RET
