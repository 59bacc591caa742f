/**
 * The most pixels (width × height) an input image may have: sharp's own default, 16383², made
 * explicit. `readImage` refuses a larger image from its header, before decoding it.
 */
export const maxImagePixels = 16383 * 16383;
