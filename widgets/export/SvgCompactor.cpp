// SPDX-License-Identifier: MIT
#include "SvgCompactor.h"

#include <QByteArrayView>
#include <QHash>
#include <QVector>

#include <cstring>

namespace mls {

namespace {

/// Presentation attributes QSvgGenerator writes that are also CSS properties.
bool isStyleAttribute(QByteArrayView name)
{
    static const char *const names[] = {"fill",           "fill-opacity",    "fill-rule",
                                        "stroke",         "stroke-opacity",  "stroke-width",
                                        "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
                                        "font-family",    "font-size",       "font-weight",
                                        "font-style",     "opacity"};
    for (const char *n : names) {
        if (name == QByteArrayView(n))
            return true;
    }
    return false;
}

/// A value that reads the same in a style sheet as in an attribute (no entity, no CSS syntax).
bool safeInCss(QByteArrayView value)
{
    for (char c : value) {
        switch (c) {
        case '&':
        case ';':
        case '{':
        case '}':
        case '<':
        case '>':
        case '"':
        case '\'':
        case '\\':
            return false;
        default:
            break;
        }
    }
    return true;
}

inline bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/// What ends an element or attribute name.
inline bool endsName(char c)
{
    return isSpace(c) || c == '/' || c == '>' || c == '=';
}

bool isBlank(QByteArrayView text)
{
    for (char c : text) {
        if (!isSpace(c))
            return false;
    }
    return true;
}

struct Attribute
{
    QByteArrayView name;
    QByteArrayView value; ///< as written (escaped), without the quotes
};

/// Appends @p value, `matrix(1,0,0,1,x,y)` written `translate(x,y)`; false (nothing appended)
/// for the identity, which needs no transform.
bool appendTransform(QByteArray &out, QByteArrayView value)
{
    static const QByteArrayView prefix("matrix(1,0,0,1,");
    if (!value.startsWith(prefix) || !value.endsWith(')')) {
        out.append(value);
        return true;
    }
    const QByteArrayView offset = value.sliced(prefix.size(), value.size() - prefix.size() - 1);
    if (offset == QByteArrayView("0,0"))
        return false;
    out.append("translate(").append(offset).append(')');
    return true;
}

/// One pass over the document, writing the compact form as it goes.
class Compactor
{
public:
    explicit Compactor(const QByteArray &in) : m_in(in) { m_out.reserve(in.size() / 2); }

    bool run();
    QByteArray result() const;

private:
    struct Open
    {
        QByteArrayView name;
        qsizetype outStart; ///< where its start tag begins in m_out
        bool hasContent;
        QByteArray tag; ///< the rewritten start tag (groups only)
    };
    /// The group closed last, while it may still be merged with an identical next one.
    struct Closed
    {
        QByteArray tag;
        qsizetype outStart = -1;
        qsizetype closeAt = -1; ///< where its `</g>` begins
        qsizetype endAt = -1;   ///< just after its `</g>\n`
    };

    bool copyUntil(qsizetype &i, const char *terminator);
    bool startTag(qsizetype &i);
    bool endTag(qsizetype &i);
    void text(qsizetype &i);
    /// The start tag just read, rewritten, into m_tag.
    void rewrite(QByteArrayView name, bool selfClosing);
    void wroteContent();

    const QByteArray &m_in;
    QByteArray m_out;
    QVector<Open> m_open;
    Closed m_closed;
    QVector<Attribute> m_attributes;         ///< of the start tag being read
    QByteArray m_tag;                        ///< the start tag being written
    QByteArray m_declarations;               ///< its style, as CSS
    QHash<QByteArray, QByteArray> m_classes; ///< declarations → class name
    QByteArray m_sheet;                      ///< the rules, in first-use order
    qsizetype m_styleAt = -1;                ///< where the <style> element goes
    bool m_styleAtFixed = false;
};

bool Compactor::run()
{
    qsizetype i = 0;
    while (i < m_in.size()) {
        if (m_in.at(i) != '<') {
            text(i);
            continue;
        }
        const QByteArrayView rest = QByteArrayView(m_in).sliced(i);
        bool ok = true;
        if (rest.startsWith("<?")) {
            ok = copyUntil(i, "?>");
            m_out += '\n';
        } else if (rest.startsWith("<!--"))
            ok = copyUntil(i, "-->");
        else if (rest.startsWith("<![CDATA[")) {
            wroteContent();
            ok = copyUntil(i, "]]>");
        } else if (rest.startsWith("<!"))
            ok = copyUntil(i, ">");
        else if (rest.startsWith("</"))
            ok = endTag(i);
        else
            ok = startTag(i);
        if (!ok)
            return false;
    }
    return m_open.isEmpty() && m_styleAt >= 0;
}

QByteArray Compactor::result() const
{
    QByteArray out;
    out.reserve(m_out.size() + m_sheet.size() + 64);
    out += QByteArrayView(m_out).first(m_styleAt);
    if (!m_sheet.isEmpty())
        out += "<style type=\"text/css\">\n" + m_sheet + "</style>\n";
    out += QByteArrayView(m_out).sliced(m_styleAt);
    return out;
}

bool Compactor::copyUntil(qsizetype &i, const char *terminator)
{
    const qsizetype end = m_in.indexOf(terminator, i);
    if (end < 0)
        return false;
    const qsizetype next = end + qsizetype(std::strlen(terminator));
    m_out += QByteArrayView(m_in).sliced(i, next - i);
    i = next;
    return true;
}

void Compactor::text(qsizetype &i)
{
    qsizetype end = m_in.indexOf('<', i);
    if (end < 0)
        end = m_in.size();
    const QByteArrayView chunk = QByteArrayView(m_in).sliced(i, end - i);
    i = end;
    // Between the elements of a container only layout whitespace; text, title and desc keep
    // theirs (xml:space="preserve").
    const QByteArrayView parent = m_open.isEmpty() ? QByteArrayView() : m_open.constLast().name;
    const bool container = parent.isEmpty() || parent == QByteArrayView("g") ||
                           parent == QByteArrayView("svg") || parent == QByteArrayView("defs");
    if (container && isBlank(chunk))
        return;
    wroteContent();
    m_out += chunk;
}

void Compactor::wroteContent()
{
    if (!m_open.isEmpty())
        m_open.last().hasContent = true;
    m_closed.endAt = -1;
}

bool Compactor::startTag(qsizetype &i)
{
    const char *data = m_in.constData();
    const qsizetype n = m_in.size();
    qsizetype at = i + 1;
    while (at < n && !endsName(data[at]))
        ++at;
    const QByteArrayView name(data + i + 1, at - i - 1);
    if (name.isEmpty())
        return false;
    m_attributes.resize(0);
    bool selfClosing = false;
    for (;;) {
        while (at < n && isSpace(data[at]))
            ++at;
        if (at >= n)
            return false;
        if (data[at] == '>') {
            ++at;
            break;
        }
        if (data[at] == '/') {
            if (at + 1 >= n || data[at + 1] != '>')
                return false;
            selfClosing = true;
            at += 2;
            break;
        }
        const qsizetype nameStart = at;
        while (at < n && !endsName(data[at]))
            ++at;
        const QByteArrayView attributeName(data + nameStart, at - nameStart);
        while (at < n && isSpace(data[at]))
            ++at;
        if (at + 1 >= n || data[at] != '=')
            return false;
        ++at;
        while (at < n && isSpace(data[at]))
            ++at;
        if (at >= n || (data[at] != '"' && data[at] != '\''))
            return false;
        const char quote = data[at++];
        const qsizetype valueStart = at;
        while (at < n && data[at] != quote)
            ++at;
        if (at >= n || attributeName.isEmpty())
            return false;
        m_attributes.append({attributeName, QByteArrayView(data + valueStart, at - valueStart)});
        ++at;
    }
    i = at;

    rewrite(name, selfClosing);
    const QByteArray &tag = m_tag;
    if (name == QByteArrayView("g") && !selfClosing) {
        if (m_closed.endAt == m_out.size() && m_closed.tag == tag) {
            // The same state again right after the group closed: carry on inside it.
            m_out.truncate(m_closed.closeAt);
            m_open.append({name, m_closed.outStart, true, tag});
            m_closed.endAt = -1;
            return true;
        }
        m_open.append({name, m_out.size(), false, tag});
        m_out += tag;
        return true;
    }
    if (name == QByteArrayView("svg") && m_open.isEmpty()) {
        m_out.append(tag).append('\n');
        m_styleAt = m_out.size();
        m_open.append({name, 0, false, {}});
        return true;
    }
    if (m_open.size() == 1 && name != QByteArrayView("title") && name != QByteArrayView("desc"))
        m_styleAtFixed = true; // the style sheet goes after the title and description only
    wroteContent();
    m_out += tag;
    if (selfClosing)
        m_out += '\n';
    else
        m_open.append({name, m_out.size(), false, {}});
    return true;
}

bool Compactor::endTag(qsizetype &i)
{
    const qsizetype end = m_in.indexOf('>', i);
    if (end < 0 || m_open.isEmpty())
        return false;
    const QByteArrayView name = QByteArrayView(m_in).sliced(i + 2, end - i - 2).trimmed();
    i = end + 1;
    const Open open = m_open.takeLast();
    if (open.name != name)
        return false;
    if (name == QByteArrayView("g")) {
        if (!open.hasContent && !open.tag.contains(" id=\"")) {
            m_out.truncate(open.outStart); // drew nothing, and nothing refers to it
            return true;
        }
        m_closed = {open.tag, open.outStart, m_out.size(), -1};
        m_out += "</g>\n";
        m_closed.endAt = m_out.size();
        if (!m_open.isEmpty())
            m_open.last().hasContent = true;
        return true;
    }
    wroteContent();
    m_out.append("</").append(name).append(">\n");
    if (m_open.size() == 1 && !m_styleAtFixed)
        m_styleAt = m_out.size(); // after </title> or </desc>
    return true;
}

void Compactor::rewrite(QByteArrayView name, bool selfClosing)
{
    // Left as they are: an element with a class or style of its own, and a dashed one (Qt's
    // SVG renderer draws other dashes when the stroke comes from a style sheet).
    bool styled = true;
    for (const Attribute &a : std::as_const(m_attributes)) {
        if (a.name == QByteArrayView("class") || a.name == QByteArrayView("style") ||
            a.name == QByteArrayView("stroke-dasharray"))
            styled = false;
    }
    m_declarations.resize(0);
    for (const Attribute &a : std::as_const(m_attributes)) {
        if (!styled || !isStyleAttribute(a.name) || !safeInCss(a.value))
            continue;
        m_declarations.append(a.name).append(':').append(a.value);
        if (a.name == QByteArrayView("font-size")) {
            bool number = false;
            (void)a.value.toDouble(&number);
            if (number)
                m_declarations.append("px"); // a unitless font size is no CSS length
        }
        m_declarations.append(';');
    }
    m_tag.resize(0);
    m_tag.append('<').append(name);
    if (!m_declarations.isEmpty()) {
        auto it = m_classes.constFind(m_declarations);
        if (it == m_classes.constEnd()) {
            const QByteArray className = 's' + QByteArray::number(m_classes.size(), 36);
            m_sheet.append('.').append(className).append('{').append(m_declarations).append("}\n");
            it = m_classes.insert(m_declarations, className);
        }
        m_tag.append(" class=\"").append(*it).append('"');
    }
    for (const Attribute &a : std::as_const(m_attributes)) {
        if (styled && isStyleAttribute(a.name) && safeInCss(a.value))
            continue; // in the class
        if (a.name == QByteArrayView("vector-effect") && a.value == QByteArrayView("none"))
            continue; // the default
        const qsizetype before = m_tag.size();
        m_tag.append(' ').append(a.name).append("=\"");
        if (a.name != QByteArrayView("transform")) {
            m_tag.append(a.value);
        } else if (!appendTransform(m_tag, a.value)) {
            m_tag.truncate(before); // the identity
            continue;
        }
        m_tag.append('"');
    }
    m_tag.append(selfClosing ? "/>" : ">");
}

} // namespace

QByteArray SvgCompactor::compact(const QByteArray &svg)
{
    Compactor compactor(svg);
    if (!compactor.run())
        return svg;
    return compactor.result();
}

} // namespace mls
