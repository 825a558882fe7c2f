// SPDX-License-Identifier: MIT
#include "SymbolSvgGenerator.h"

#include <QBuffer>
#include <QPainter>
#include <QRandomGenerator>

namespace mls {

namespace {

QByteArray symbolId(int index)
{
    return "mls-symbol-" + QByteArray::number(index);
}

/// The drawing of a whole document QSvgGenerator wrote: what its outermost group holds, with
/// that group (it resets every style, so a symbol never inherits one from where it is used).
/// Empty when the drawing needs definitions of its own (gradients), whose ids could clash.
QByteArray drawingOf(const QByteArray &svg)
{
    const qsizetype defs = svg.indexOf("<defs>");
    const qsizetype defsEnd = svg.indexOf("</defs>");
    const qsizetype end = svg.lastIndexOf("</svg>");
    if (defs < 0 || defsEnd < defs || end < defsEnd)
        return {};
    if (!svg.mid(defs + 6, defsEnd - defs - 6).trimmed().isEmpty())
        return {};
    return svg.mid(defsEnd + 7, end - defsEnd - 7).trimmed() + '\n';
}

} // namespace

SymbolSvgGenerator::SymbolSvgGenerator()
    : m_token("mlssym" + QByteArray::number(QRandomGenerator::global()->generate64(), 36) + 'n')
{}

SymbolSvgGenerator *SymbolSvgGenerator::of(QPainter *painter)
{
    return painter ? dynamic_cast<SymbolSvgGenerator *>(painter->device()) : nullptr;
}

void SymbolSvgGenerator::paintSymbol(QPainter *painter, const QRectF &target, const QString &key,
                                     const std::function<void(QPainter *, const QRectF &)> &draw)
{
    if (target.isEmpty())
        return;
    const QRectF box(QPointF(0, 0), target.size());
    const QString sizedKey = QStringLiteral("%1@%2x%3").arg(key).arg(box.width()).arg(box.height());
    auto it = m_ids.constFind(sizedKey);
    if (it == m_ids.constEnd()) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator symbol;
        symbol.setOutputDevice(&buffer);
        symbol.setResolution(resolution());
        symbol.setViewBox(box);
        QPainter p(&symbol);
        p.setRenderHints(painter->renderHints());
        draw(&p, box);
        p.end();
        const QByteArray body = drawingOf(bytes);
        const int id = body.isEmpty() ? -1 : int(m_bodies.size());
        if (id >= 0)
            m_bodies.append(body);
        it = m_ids.insert(sizedKey, id);
    }
    if (*it < 0) { // not a symbol: drawn in place, as any other drawing
        draw(painter, target);
        return;
    }
    painter->save();
    painter->translate(target.topLeft());
    painter->setPen(Qt::black); // drawText draws nothing with no pen
    painter->drawText(QPointF(0, 0), QString::fromLatin1(m_token + QByteArray::number(*it) + '_'));
    painter->restore();
}

QByteArray SymbolSvgGenerator::resolveSymbols(const QByteArray &svg) const
{
    if (m_bodies.isEmpty())
        return svg;
    // The definitions go before the first group, the drawing's outermost one.
    const qsizetype defsAt = svg.indexOf("<g");
    if (defsAt < 0)
        return svg;
    QByteArray out;
    out.reserve(svg.size());
    out += QByteArrayView(svg).first(defsAt);
    out += "<defs>\n";
    for (int i = 0; i < m_bodies.size(); ++i)
        out += "<g id=\"" + symbolId(i) + "\">\n" + m_bodies[i] + "</g>\n";
    out += "</defs>\n";
    qsizetype from = defsAt;
    for (qsizetype at = svg.indexOf(m_token, from); at >= 0; at = svg.indexOf(m_token, from)) {
        const qsizetype textStart = svg.lastIndexOf("<text", at);
        const qsizetype idEnd = svg.indexOf('_', at);
        const qsizetype textEnd = svg.indexOf("</text>", at);
        if (textStart < from || idEnd < 0 || textEnd < idEnd)
            break; // not a placeholder this generator wrote: leave the rest as it is
        bool ok = false;
        const int id = svg.mid(at + m_token.size(), idEnd - at - m_token.size()).toInt(&ok);
        if (!ok || id < 0 || id >= m_bodies.size())
            break;
        out += QByteArrayView(svg).sliced(from, textStart - from);
        out += "<use xlink:href=\"#" + symbolId(id) + "\"/>";
        from = textEnd + 7;
    }
    out += QByteArrayView(svg).sliced(from);
    return out;
}

} // namespace mls
