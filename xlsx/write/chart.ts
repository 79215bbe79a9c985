// The 年度汇总 chart “各单位部门达标率” as DrawingML (a clustered column chart of each group's compliance rate,
// units and departments as a two-level category axis), anchored where the add-in puts its chart. Element orders per
// ECMA-376 Part 1, 21.2 (CT_ChartSpace, CT_BarChart, CT_BarSer, CT_CatAx, CT_ValAx, CT_Scaling).
import type { ChartSpec } from '../../addin/summary/layout';
import { parseAddress, quoteSheetName } from '../../shared/sheet/a1';
import { escapeText } from './xml-text';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

const abs = (sheet: string, address: string): string => {
  const a = parseAddress(address);
  const col = (c: number): string => {
    let n = c + 1;
    let s = '';
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  return `${quoteSheetName(sheet)}!$${col(a.col)}$${a.row + 1}:$${col(a.col + a.columnCount - 1)}$${a.row + a.rowCount}`;
};

/** The chart part. `categories` are [unit, department] per group, `rates` the compliance rates, in sheet order. */
export function chartXml(sheet: string, spec: ChartSpec, categories: readonly [string, string][], rates: readonly number[]): string {
  const n = rates.length;
  const lvl = (k: 0 | 1): string => `<c:lvl>${categories.map((c, i) => (c[k] === '' ? '' : `<c:pt idx="${i}"><c:v>${escapeText(c[k])}</c:v></c:pt>`)).join('')}</c:lvl>`;
  const points = rates.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeText(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeText(spec.seriesName)}</c:v></c:tx><c:invertIfNegative val="0"/>` +
    `<c:cat><c:multiLvlStrRef><c:f>${escapeText(abs(sheet, spec.categoriesAddress))}</c:f><c:multiLvlStrCache><c:ptCount val="${n}"/>${lvl(1)}${lvl(0)}</c:multiLvlStrCache></c:multiLvlStrRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeText(abs(sheet, spec.valuesAddress))}</c:f><c:numCache><c:formatCode>0.0%</c:formatCode><c:ptCount val="${n}"/>${points}</c:numCache></c:numRef></c:val>` +
    '</c:ser><c:gapWidth val="150"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>' +
    '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${escapeText(spec.valueAxisFormat)}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/** The drawing part anchoring the chart (relationship `chartRel`) from spec.topLeft to spec.bottomRight. */
export function drawingXml(spec: ChartSpec, chartRel: string): string {
  const from = parseAddress(spec.topLeft);
  const to = parseAddress(spec.bottomRight);
  const anchor = (a: { row: number; col: number }, tag: string): string => `<xdr:${tag}><xdr:col>${a.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">` +
    `<xdr:twoCellAnchor editAs="oneCell">${anchor(from, 'from')}${anchor({ row: to.row + 1, col: to.col + 1 }, 'to')}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeText(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="${chartRel}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>'
  );
}
