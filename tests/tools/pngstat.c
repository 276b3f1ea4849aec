/*
** pngstat.c: tell a blank PNG from a drawn one, for the report test's
** Chromium screenshot.  Decodes an 8-bit RGB or RGBA, non-interlaced PNG
** (what Chromium writes) with zlib and prints
**   WIDTHxHEIGHT colors=N ink=F
** where N is the number of distinct colors (counted up to 65536) and F the
** share of pixels that differ from the most common color (the background).
**   usage: pngstat FILE.png      exit 0, or 1 with a message
** Built by tests/cli_report.sh with cc and -lz; not part of rooflab.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#define MAX_COLORS 65536
#define HASH_SIZE (1u << 18)

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static int paeth(int a, int b, int c)
{
	int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
	return pa <= pb && pa <= pc ? a : (pb <= pc ? b : c);
}

/* Undo the per-row filters in place; -1 on a bad filter byte. */
static int unfilter(unsigned char *d, uint32_t w, uint32_t h, int bpp)
{
	size_t stride = (size_t)w * bpp, y, x;
	for (y = 0; y < h; y++) {
		unsigned char *row = d + y * (stride + 1);
		unsigned char *cur = row + 1;
		unsigned char *up = y ? row - stride : NULL;
		int f = row[0];
		for (x = 0; x < stride; x++) {
			int a = x >= (size_t)bpp ? cur[x - bpp] : 0;
			int b = up ? up[x] : 0;
			int c = up && x >= (size_t)bpp ? up[x - bpp] : 0;
			switch (f) {
			case 0: break;
			case 1: cur[x] = (unsigned char)(cur[x] + a); break;
			case 2: cur[x] = (unsigned char)(cur[x] + b); break;
			case 3: cur[x] = (unsigned char)(cur[x] + (a + b) / 2); break;
			case 4: cur[x] = (unsigned char)(cur[x] + paeth(a, b, c));
				break;
			default: return -1;
			}
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n',
	                                     0x1a, '\n'};
	FILE *f;
	unsigned char *file, *idat, *raw;
	long n;
	size_t pos = 8, ilen = 0, y, x;
	uint32_t w = 0, h = 0, *keys, *counts, best = 0, colors = 0;
	int bpp = 0;
	uLongf rawlen;
	double ink;

	if (argc != 2 || !(f = fopen(argv[1], "rb"))) {
		fprintf(stderr, "usage: pngstat FILE.png\n");
		return 1;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	file = malloc((size_t)n);
	idat = malloc((size_t)n);
	if (!file || !idat || n < 8 || fread(file, 1, (size_t)n, f) != (size_t)n ||
	    memcmp(file, sig, 8)) {
		fprintf(stderr, "pngstat: %s is not a PNG\n", argv[1]);
		return 1;
	}
	fclose(f);
	while (pos + 12 <= (size_t)n) {
		uint32_t len = be32(file + pos);
		const unsigned char *type = file + pos + 4, *data = file + pos + 8;
		if (pos + 12 + len > (size_t)n)
			break;
		if (!memcmp(type, "IHDR", 4)) {
			w = be32(data);
			h = be32(data + 4);
			if (data[8] != 8 || (data[9] != 2 && data[9] != 6) ||
			    data[12] != 0) {
				fprintf(stderr, "pngstat: only 8-bit RGB/RGBA, "
				        "non-interlaced PNGs\n");
				return 1;
			}
			bpp = data[9] == 6 ? 4 : 3;
		} else if (!memcmp(type, "IDAT", 4)) {
			memcpy(idat + ilen, data, len);
			ilen += len;
		}
		pos += 12 + len;
	}
	if (!w || !h || !bpp) {
		fprintf(stderr, "pngstat: no image header\n");
		return 1;
	}
	rawlen = (uLongf)h * ((uLongf)w * (uLongf)bpp + 1);
	raw = malloc(rawlen);
	if (!raw || uncompress(raw, &rawlen, idat, (uLong)ilen) != Z_OK ||
	    rawlen != (uLongf)h * ((uLongf)w * (uLongf)bpp + 1) ||
	    unfilter(raw, w, h, bpp)) {
		fprintf(stderr, "pngstat: cannot decode the image data\n");
		return 1;
	}
	/* open-addressing table of colors (RGB packed, +1 so 0 is empty) */
	keys = calloc(HASH_SIZE, sizeof *keys);
	counts = calloc(HASH_SIZE, sizeof *counts);
	if (!keys || !counts)
		return 1;
	for (y = 0; y < h; y++) {
		const unsigned char *p = raw + y * ((size_t)w * bpp + 1) + 1;
		for (x = 0; x < w; x++, p += bpp) {
			uint32_t k = ((uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 |
			              p[2]) + 1;
			uint32_t i = (k * 2654435761u) & (HASH_SIZE - 1);
			while (keys[i] && keys[i] != k)
				i = (i + 1) & (HASH_SIZE - 1);
			if (!keys[i]) {
				if (colors >= MAX_COLORS)
					continue;
				keys[i] = k;
				colors++;
			}
			if (++counts[i] > best)
				best = counts[i];
		}
	}
	ink = 1.0 - (double)best / ((double)w * h);
	printf("%ux%u colors=%u ink=%.4f\n", w, h, colors, ink);
	free(keys);
	free(counts);
	free(raw);
	free(idat);
	free(file);
	return 0;
}
