// The data sources the generated processes work on. `kinds` says which
// operations make sense for a source (an NDVI needs red and near infrared, a
// slope needs an elevation model).
export type SourceKind = 'optical' | 'sar' | 'thermal' | 'elevation' | 'atmosphere' | 'ocean' | 'climate';

export interface DataSource {
  /** Short token for process ids. */
  key: string;
  /** As it appears in titles. */
  name: string;
  /** As it appears in descriptions. */
  long: string;
  keywords: string[];
  kinds: SourceKind[];
}

export const DATA_SOURCES: readonly DataSource[] = [
  { key: 's2', name: 'Sentinel-2', long: 'Copernicus Sentinel-2 MSI Level-2A', keywords: ['Sentinel-2', 'MSI', 'Copernicus'], kinds: ['optical'] },
  { key: 'l8', name: 'Landsat 8/9', long: 'USGS Landsat 8 and 9 OLI/TIRS Collection 2', keywords: ['Landsat', 'OLI', 'USGS'], kinds: ['optical', 'thermal'] },
  { key: 'modis', name: 'MODIS', long: 'NASA MODIS Terra/Aqua daily surface reflectance', keywords: ['MODIS', 'Terra', 'Aqua', 'NASA'], kinds: ['optical', 'thermal', 'ocean'] },
  { key: 'viirs', name: 'VIIRS', long: 'Suomi NPP / NOAA-20 VIIRS', keywords: ['VIIRS', 'NOAA', 'night lights'], kinds: ['optical', 'thermal'] },
  { key: 'planet', name: 'PlanetScope', long: 'PlanetScope 3 m daily imagery', keywords: ['PlanetScope', 'commercial', 'very high resolution'], kinds: ['optical'] },
  { key: 'spot', name: 'SPOT 6/7', long: 'Airbus SPOT 6/7 1.5 m imagery', keywords: ['SPOT', 'Airbus'], kinds: ['optical'] },
  { key: 'pleiades', name: 'Pleiades', long: 'Airbus Pleiades 50 cm imagery', keywords: ['Pleiades', 'Airbus', 'very high resolution'], kinds: ['optical'] },
  { key: 's1', name: 'Sentinel-1', long: 'Copernicus Sentinel-1 C-band SAR GRD', keywords: ['Sentinel-1', 'SAR', 'radar', 'Copernicus'], kinds: ['sar'] },
  { key: 'alos', name: 'ALOS-2 PALSAR', long: 'JAXA ALOS-2 PALSAR-2 L-band SAR', keywords: ['ALOS-2', 'PALSAR', 'SAR', 'radar', 'JAXA'], kinds: ['sar'] },
  { key: 'tsx', name: 'TerraSAR-X', long: 'DLR TerraSAR-X X-band SAR', keywords: ['TerraSAR-X', 'SAR', 'radar', 'DLR'], kinds: ['sar'] },
  { key: 's3olci', name: 'Sentinel-3 OLCI', long: 'Copernicus Sentinel-3 OLCI ocean and land colour', keywords: ['Sentinel-3', 'OLCI', 'ocean colour'], kinds: ['ocean', 'optical'] },
  { key: 's3slstr', name: 'Sentinel-3 SLSTR', long: 'Copernicus Sentinel-3 SLSTR thermal radiometer', keywords: ['Sentinel-3', 'SLSTR', 'thermal'], kinds: ['thermal', 'ocean'] },
  { key: 'ecostress', name: 'ECOSTRESS', long: 'NASA ECOSTRESS thermal radiometer on the ISS', keywords: ['ECOSTRESS', 'ISS', 'evapotranspiration'], kinds: ['thermal'] },
  { key: 'cop30', name: 'Copernicus DEM', long: 'Copernicus GLO-30 digital elevation model', keywords: ['DEM', 'elevation', 'GLO-30'], kinds: ['elevation'] },
  { key: 'srtm', name: 'SRTM', long: 'NASA SRTM 1 arc-second elevation model', keywords: ['SRTM', 'DEM', 'elevation'], kinds: ['elevation'] },
  { key: 's5p', name: 'Sentinel-5P', long: 'Copernicus Sentinel-5P TROPOMI', keywords: ['Sentinel-5P', 'TROPOMI', 'trace gases'], kinds: ['atmosphere'] },
  { key: 'cams', name: 'CAMS', long: 'Copernicus Atmosphere Monitoring Service reanalysis', keywords: ['CAMS', 'reanalysis', 'air quality'], kinds: ['atmosphere'] },
  { key: 'era5', name: 'ERA5', long: 'ECMWF ERA5 hourly reanalysis', keywords: ['ERA5', 'ECMWF', 'reanalysis', 'weather'], kinds: ['climate'] },
  { key: 'cmip6', name: 'CMIP6', long: 'CMIP6 climate model projections', keywords: ['CMIP6', 'climate projections', 'scenarios'], kinds: ['climate'] },
];
