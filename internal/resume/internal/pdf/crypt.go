// Copyright 2014 The Go Authors.  All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"io"
)

// crypt holds the key of a file encrypted with the standard security handler.
type crypt struct {
	key    []byte
	useAES bool
}

var passwordPad = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

// PDF encryption parameters. See PDF 32000-1:2008, §7.6.
const (
	minKeyBits        = 40
	maxKeyBits        = 128
	ouEntryLen        = 32
	md5KeyIterations  = 50
	rc4UIterations    = 19
	encryptedAdvice   = "encrypted PDF: remove the password and export again"
	unsupportedCrypto = encryptedAdvice
)

// initEncrypt tries the empty user password. It fails with an Encrypted
// error when the file needs a password or uses an encryption it cannot open.
func (r *Reader) initEncrypt() {
	// See PDF 32000-1:2008, §7.6.
	encrypt, _ := r.resolve(objptr{}, r.trailer["Encrypt"]).data.(dict)
	if encrypt["Filter"] != name("Standard") {
		fail(Encrypted, unsupportedCrypto)
	}
	n, _ := encrypt["Length"].(int64)
	if n == 0 {
		n = minKeyBits
	}
	if n%8 != 0 || n > maxKeyBits || n < minKeyBits {
		fail(Encrypted, unsupportedCrypto)
	}
	V, _ := encrypt["V"].(int64)
	if V != 1 && V != 2 && (V != 4 || !okayV4(encrypt)) {
		fail(Encrypted, unsupportedCrypto)
	}

	ids, ok := r.trailer["ID"].(array)
	if !ok || len(ids) < 1 {
		fail(Encrypted, unsupportedCrypto)
	}
	idstr, ok := ids[0].(string)
	if !ok {
		fail(Encrypted, unsupportedCrypto)
	}
	ID := []byte(idstr)

	R, _ := encrypt["R"].(int64)
	if R < 2 || R > 4 {
		fail(Encrypted, unsupportedCrypto)
	}
	O, _ := encrypt["O"].(string)
	U, _ := encrypt["U"].(string)
	if len(O) != ouEntryLen || len(U) != ouEntryLen {
		fail(Encrypted, unsupportedCrypto)
	}
	p, _ := encrypt["P"].(int64)
	P := uint32(p)

	// The empty user password: the pad alone.
	h := md5.New()
	h.Write(passwordPad)
	h.Write([]byte(O))
	h.Write([]byte{byte(P), byte(P >> 8), byte(P >> 16), byte(P >> 24)})
	h.Write(ID)
	if R >= 4 {
		if em, ok := encrypt["EncryptMetadata"].(bool); ok && !em {
			h.Write([]byte{0xff, 0xff, 0xff, 0xff})
		}
	}
	key := h.Sum(nil)

	keyLen := int(n / 8) // encryption key length in bytes
	if R >= 3 {
		for i := 0; i < md5KeyIterations; i++ {
			h.Reset()
			h.Write(key[:keyLen])
			key = h.Sum(key[:0])
		}
		key = key[:keyLen]
	} else {
		key = key[:minKeyBits/8]
	}

	c, err := rc4.NewCipher(key)
	if err != nil {
		fail(Encrypted, unsupportedCrypto)
	}

	var u []byte
	if R == 2 {
		u = make([]byte, len(passwordPad))
		copy(u, passwordPad)
		c.XORKeyStream(u, u)
	} else {
		h.Reset()
		h.Write(passwordPad)
		h.Write(ID)
		u = h.Sum(nil)
		c.XORKeyStream(u, u)

		for i := 1; i <= rc4UIterations; i++ {
			key1 := make([]byte, len(key))
			copy(key1, key)
			for j := range key1 {
				key1[j] ^= byte(i)
			}
			c, _ = rc4.NewCipher(key1)
			c.XORKeyStream(u, u)
		}
	}

	if !bytes.HasPrefix([]byte(U), u) {
		fail(Encrypted, encryptedAdvice)
	}
	r.crypt = &crypt{key: key, useAES: V == 4}
}

func okayV4(encrypt dict) bool {
	cf, ok := encrypt["CF"].(dict)
	if !ok {
		return false
	}
	stmf, ok := encrypt["StmF"].(name)
	if !ok {
		return false
	}
	strf, ok := encrypt["StrF"].(name)
	if !ok {
		return false
	}
	if stmf != strf {
		return false
	}
	cfparam, ok := cf[stmf].(dict)
	if !ok {
		return false
	}
	if cfparam["AuthEvent"] != nil && cfparam["AuthEvent"] != name("DocOpen") {
		return false
	}
	if cfparam["Length"] != nil && cfparam["Length"] != int64(16) {
		return false
	}
	return cfparam["CFM"] == name("AESV2")
}

func (c *crypt) objectKey(ptr objptr) []byte {
	h := md5.New()
	h.Write(c.key)
	h.Write([]byte{byte(ptr.id), byte(ptr.id >> 8), byte(ptr.id >> 16), byte(ptr.gen), byte(ptr.gen >> 8)})
	if c.useAES {
		h.Write([]byte("sAlT"))
	}
	key := h.Sum(nil)
	if n := len(c.key) + 5; n < len(key) {
		key = key[:n]
	}
	return key
}

func (c *crypt) decryptString(ptr objptr, x string) string {
	key := c.objectKey(ptr)
	if c.useAES {
		s := []byte(x)
		if len(s) < 2*aes.BlockSize || len(s)%aes.BlockSize != 0 {
			return ""
		}
		block, err := aes.NewCipher(key)
		if err != nil {
			return ""
		}
		iv := s[:aes.BlockSize]
		s = s[aes.BlockSize:]
		cipher.NewCBCDecrypter(block, iv).CryptBlocks(s, s)
		if p := int(s[len(s)-1]); p >= 1 && p <= aes.BlockSize && p <= len(s) {
			s = s[:len(s)-p]
		}
		return string(s)
	}
	rc, err := rc4.NewCipher(key)
	if err != nil {
		return ""
	}
	data := []byte(x)
	rc.XORKeyStream(data, data)
	return string(data)
}

func (c *crypt) decryptStream(ptr objptr, rd io.Reader) io.Reader {
	key := c.objectKey(ptr)
	if c.useAES {
		cb, err := aes.NewCipher(key)
		if err != nil {
			fail(Malformed, "malformed PDF: bad AES key")
		}
		iv := make([]byte, aes.BlockSize)
		if _, err := io.ReadFull(rd, iv); err != nil {
			return bytes.NewReader(nil)
		}
		return &cbcReader{cbc: cipher.NewCBCDecrypter(cb, iv), rd: rd, buf: make([]byte, aes.BlockSize)}
	}
	rc, err := rc4.NewCipher(key)
	if err != nil {
		fail(Malformed, "malformed PDF: bad RC4 key")
	}
	return &cipher.StreamReader{S: rc, R: rd}
}

type cbcReader struct {
	cbc  cipher.BlockMode
	rd   io.Reader
	buf  []byte
	pend []byte
}

func (r *cbcReader) Read(b []byte) (n int, err error) {
	if len(r.pend) == 0 {
		_, err = io.ReadFull(r.rd, r.buf)
		if err != nil {
			return 0, io.EOF
		}
		r.cbc.CryptBlocks(r.buf, r.buf)
		r.pend = r.buf
	}
	n = copy(b, r.pend)
	r.pend = r.pend[n:]
	return n, nil
}
