// SPDX-License-Identifier: MIT
#include "NoteJson.h"

#include <QColor>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>

namespace mls::NoteJson {

namespace {

constexpr std::array<const char *, 8> knownKeys = {"id", "style", "text", "x",
                                                   "y",  "w",     "h",    "color"};

bool isKnownKey(const std::string &key)
{
    return std::find(knownKeys.begin(), knownKeys.end(), key) != knownKeys.end();
}

QString kindOf(const Json &v)
{
    switch (v.type()) {
    case Json::value_t::string:
        return QStringLiteral("a string");
    case Json::value_t::object:
        return QStringLiteral("an object");
    case Json::value_t::array:
        return QStringLiteral("an array");
    case Json::value_t::boolean:
        return QStringLiteral("a boolean");
    case Json::value_t::null:
        return QStringLiteral("null");
    default:
        return QStringLiteral("a number");
    }
}

/// Throws nothing: each reader returns false and fills the error, the caller stops.
class FieldReader
{
public:
    FieldReader(const Json &obj, const QString &path, Error *error)
        : m_obj(obj), m_path(path), m_error(error)
    {}

    bool fail(const char *key, const QString &what)
    {
        if (m_error)
            *m_error = Error{m_path + QLatin1Char('.') + QLatin1String(key), what};
        return false;
    }

    bool text(const char *key, int maxLength, bool required, QString *out)
    {
        auto it = m_obj.find(key);
        if (it == m_obj.end())
            return !required || fail(key, QStringLiteral("missing"));
        if (!it->is_string())
            return fail(key, QStringLiteral("expected a string, found %1").arg(kindOf(*it)));
        *out = toQt(it->get<std::string>());
        if (required && out->isEmpty())
            return fail(key, QStringLiteral("must not be empty"));
        if (out->size() > maxLength)
            return fail(key, QStringLiteral("%1 characters, more than the limit of %2")
                                 .arg(out->size())
                                 .arg(maxLength));
        return true;
    }

    bool number(const char *key, double min, double max, double *out)
    {
        auto it = m_obj.find(key);
        if (it == m_obj.end())
            return true; // *out keeps its default
        if (!it->is_number())
            return fail(key, QStringLiteral("expected a number, found %1").arg(kindOf(*it)));
        const double v = it->get<double>();
        if (!std::isfinite(v) || v < min || v > max)
            return fail(key,
                        QStringLiteral("%1 is out of range (%2 to %3)")
                            .arg(std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 1e15
                                     ? QString::number(qint64(v))
                                     : QString::number(v, 'g', QLocale::FloatingPointShortest),
                                 QString::number(min, 'g', 12), QString::number(max, 'g', 12)));
        *out = v;
        return true;
    }

private:
    const Json &m_obj;
    const QString &m_path;
    Error *m_error;
};

/// Whole numbers without ".0", as the rest of the file is written.
Json coordinate(double v)
{
    double whole = 0;
    if (std::modf(v, &whole) == 0.0 && std::fabs(whole) < 9e15)
        return Json(static_cast<long long>(whole));
    return Json(v);
}

} // namespace

QString styleName(Note::Style style)
{
    return style == Note::Style::Text ? QStringLiteral("text") : QStringLiteral("sticky");
}

std::optional<Note::Style> styleFromName(const QString &name)
{
    if (name == QLatin1String("text"))
        return Note::Style::Text;
    if (name == QLatin1String("sticky"))
        return Note::Style::Sticky;
    return std::nullopt;
}

std::optional<Note> noteFromJson(const Json &v, const QString &path, const Limits &limits,
                                 Error *error)
{
    if (!v.is_object()) {
        if (error)
            *error = Error{path, QStringLiteral("expected an object, found %1").arg(kindOf(v))};
        return std::nullopt;
    }
    FieldReader read(v, path, error);
    Note n;
    QString style = QStringLiteral("sticky");
    if (!read.text("id", limits.maxIdLength, true, &n.id) ||
        !read.text("style", limits.maxIdLength, false, &style))
        return std::nullopt;
    const std::optional<Note::Style> known = styleFromName(style);
    if (!known) {
        read.fail("style", QStringLiteral("\"%1\" is not a note style (\"text\" or \"sticky\")")
                               .arg(style.left(80)));
        return std::nullopt;
    }
    n.style = *known;
    const double lim = limits.maxCoordinate;
    const bool sticky = n.style == Note::Style::Sticky;
    double x = 0, y = 0;
    double w = sticky ? stickySize : textWidth;
    double h = sticky ? stickySize : textHeight;
    if (!read.text("text", limits.maxNoteText, false, &n.text) ||
        !read.number("x", -lim, lim, &x) || !read.number("y", -lim, lim, &y) ||
        !read.number("w", limits.minNoteSize, limits.maxNoteSize, &w) ||
        !read.number("h", limits.minNoteSize, limits.maxNoteSize, &h) ||
        !read.text("color", limits.maxIdLength, false, &n.color))
        return std::nullopt;
    if (!n.color.isEmpty() && !(n.color.startsWith(QLatin1Char('#')) && n.color.size() == 7 &&
                                QColor::isValidColorName(n.color))) {
        read.fail("color", QStringLiteral("\"%1\" is not a colour \"#RRGGBB\"").arg(n.color));
        return std::nullopt;
    }
    n.rect = QRectF(x, y, w, h);
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (!isKnownKey(it.key()))
            n.extra.get_ref<Json::object_t &>().emplace_back(it.key(), it.value());
    }
    return n;
}

Json noteToJson(const Note &n)
{
    Json o = Json::object();
    o["id"] = toStd(n.id);
    o["style"] = toStd(styleName(n.style));
    o["text"] = toStd(n.text);
    o["x"] = coordinate(n.rect.x());
    o["y"] = coordinate(n.rect.y());
    o["w"] = coordinate(n.rect.width());
    o["h"] = coordinate(n.rect.height());
    if (!n.color.isEmpty())
        o["color"] = toStd(n.color);
    auto &members = o.get_ref<Json::object_t &>();
    for (auto it = n.extra.begin(); it != n.extra.end(); ++it) {
        if (!isKnownKey(it.key()))
            members.emplace_back(it.key(), it.value());
    }
    return o;
}

} // namespace mls::NoteJson
