package th.integrity.stats.web;

import java.util.Set;

import gg.jte.html.HtmlTemplateOutput;

/**
 * Where templates write. Template text passes through; every value a template interpolates is escaped by
 * {@link Html#escape} (all five markup characters, control characters dropped, so the result is text in HTML
 * and well-formed XML in SVG, in an element or a quoted attribute alike). Values may go only where that escaping is
 * enough: element text and the attributes listed here. A value inside script or style, an event handler, a URL or a
 * style attribute fails the rendering (a template bug a test meets), instead of being written.
 */
final class MarkupOutput implements HtmlTemplateOutput {

    private static final Set<String> RAW_TEXT_ELEMENTS = Set.of("script", "style");
    private static final Set<String> VALUE_ATTRIBUTES = Set.of("class", "id", "lang", "xml:lang", "colspan",
            "rowspan", "scope", "x", "y", "x1", "x2", "y1", "y2", "width", "height", "fill", "text-anchor",
            "viewBox");

    private final StringBuilder out = new StringBuilder(16_384);
    private String tag;
    private String attribute;

    @Override
    public void setContext(String tagName, String attributeName) {
        this.tag = tagName;
        this.attribute = attributeName;
    }

    @Override
    public void writeContent(String value) {
        out.append(value);
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        out.append(value, beginIndex, endIndex);
    }

    @Override
    public void writeUserContent(String value) {
        if (attribute != null ? !VALUE_ATTRIBUTES.contains(attribute)
                : tag != null && RAW_TEXT_ELEMENTS.contains(tag)) {
            throw new IllegalStateException("no template value may go into <" + tag + ">"
                    + (attribute == null ? "" : " attribute " + attribute));
        }
        out.append(Html.escape(value));
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
