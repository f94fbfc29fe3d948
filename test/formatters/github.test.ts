import { describe, expect, it } from 'vitest';
import { format } from '../../src/formatters/github.js';
import { EMPTY_PATH, fileResult, makeContext, sampleResults } from './sample-results.js';

function lines(): string[] {
  return format(sampleResults(), makeContext()).split('\n');
}

/** The inverse of the Actions runner's unescaping, to prove nothing is lost. */
function unescape(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

describe('github formatter', () => {
  it('writes one workflow command per finding with position and title', () => {
    expect(lines()[1]).toBe(
      '::error file=申报表/社区党建.yaml,line=7,col=9,endLine=7,endColumn=16,title=funding-arithmetic::' +
        '项目资金总额合计（1125000）不等于财政资金与其他资金之和（1125001）。',
    );
  });

  it('uses warning for warnings and notice for infos', () => {
    const commands = lines().map((line) => line.slice(0, line.indexOf(' ')));
    expect(commands).toEqual(['::notice', '::error', '::warning', '::error', '::error', '']);
  });

  it('escapes % and line breaks in the message', () => {
    const odd = lines()[3];
    const message = odd.slice(odd.indexOf('::', 2) + 2);
    expect(message).toBe(`值 <"a" & 'b'> 不合法：超过 50%25, 见下行%0D%0A第二行: 结束`);
    expect(unescape(message)).toBe(`值 <"a" & 'b'> 不合法：超过 50%, 见下行\r\n第二行: 结束`);
  });

  it('also escapes : and , in properties', () => {
    const odd = lines()[3];
    expect(odd).toContain('file=奇怪%2C名字%3A100%25.yaml,line=1,');
    const properties = odd.slice('::error '.length, odd.indexOf('::', 2));
    expect(properties.split(',')).toHaveLength(6);
    expect(unescape(properties.split(',')[0])).toBe('file=奇怪,名字:100%.yaml');
  });

  it('prints nothing when there are no findings', () => {
    expect(format([fileResult(EMPTY_PATH, [])], makeContext())).toBe('');
  });
});
