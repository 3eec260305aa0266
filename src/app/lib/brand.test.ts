import { describe, expect, test } from 'vitest';
import {
  applyBrand,
  isAccentColor,
  isFontFamily,
  isLogoUrl,
  textOnAccent,
} from './brand';

describe('brand token formats', () => {
  test('accent colours are #rgb or #rrggbb only', () => {
    for (const ok of ['#06c', '#0F62FE'])
      expect(isAccentColor(ok), ok).toBe(true);
    for (const bad of ['red', '#12345', 'rgb(0,0,0)', '#fff;x', '', 42]) {
      expect(isAccentColor(bad), String(bad)).toBe(false);
    }
  });

  test('font families are lists of plain or quoted names', () => {
    expect(isFontFamily("'IBM Plex Sans', Arial, sans-serif")).toBe(true);
    for (const bad of [
      'Arial; color: red',
      'url(x)',
      '"Arial',
      'Arial,,serif',
      'a'.repeat(201),
      'Arial}body{display:none',
    ]) {
      expect(isFontFamily(bad), bad).toBe(false);
    }
  });

  test('logo URLs are https or a path on this origin', () => {
    for (const ok of ['https://cdn.example.com/logo.svg', '/brand/logo.png']) {
      expect(isLogoUrl(ok), ok).toBe(true);
    }
    for (const bad of [
      'http://cdn.example.com/logo.svg',
      '//cdn.example.com/logo.svg',
      '/\\cdn.example.com',
      'data:image/svg+xml,<svg/>',
      'javascript:alert(1)',
      'https://u:p@cdn.example.com/x.svg',
      'https://cdn.example.com/x.svg#frag',
      'logo.svg',
    ]) {
      expect(isLogoUrl(bad), bad).toBe(false);
    }
  });
});

test('text on the accent always reaches 4.5:1', () => {
  expect(textOnAccent('#ffffff')).toBe('#000000');
  expect(textOnAccent('#0f62fe')).toBe('#ffffff');
  expect(textOnAccent('#ffcc00')).toBe('#000000');
  expect(textOnAccent('#000')).toBe('#ffffff');
});

test('applyBrand sets the theme tokens and nothing else', () => {
  const root = document.createElement('div');
  applyBrand({ accentColor: '#0f62fe', fontFamily: 'Arial, sans-serif' }, root);
  expect(root.style.getPropertyValue('--color-brand')).toBe('#0f62fe');
  expect(root.style.getPropertyValue('--color-on-brand')).toBe('#ffffff');
  expect(root.style.getPropertyValue('--font-body')).toBe('Arial, sans-serif');
  const plain = document.createElement('div');
  applyBrand({}, plain);
  expect(plain.getAttribute('style')).toBeNull();
});
