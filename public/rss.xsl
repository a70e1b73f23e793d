<?xml version="1.0" encoding="utf-8"?>
<!-- Shows /rss.xml as a page when a reader opens it in a browser: what a feed is, its address, and
     the latest items. Feed readers ignore the stylesheet. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:value-of select="rss/channel/title"/>: RSS feed</title>
        <style>
          body { font: 1.0625rem/1.6 system-ui, sans-serif; max-width: 42rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
          code { background: rgba(127,127,127,0.15); padding: 0 0.25rem; }
          li { margin: 0.75rem 0; }
          .date { color: GrayText; font-size: 0.9rem; }
        </style>
      </head>
      <body>
        <p><strong>This is an RSS feed.</strong> Copy its address into a feed reader to get every new piece:</p>
        <p><code><xsl:value-of select="rss/channel/atom:link[@rel='self']/@href"/></code></p>
        <h1><xsl:value-of select="rss/channel/title"/></h1>
        <p><xsl:value-of select="rss/channel/description"/></p>
        <ol>
          <xsl:for-each select="rss/channel/item">
            <li>
              <a href="{link}"><xsl:value-of select="title"/></a>
              <div class="date"><xsl:value-of select="pubDate"/></div>
            </li>
          </xsl:for-each>
        </ol>
        <p><a href="/">Back to the site</a></p>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
